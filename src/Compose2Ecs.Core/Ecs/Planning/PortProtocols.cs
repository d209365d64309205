using System.Collections.Frozen;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Ecs.Settings;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Decides whether a published TCP port speaks HTTP (an ALB can serve it) or something else
/// (an NLB passes it through). An ALB in front of a database would break it, while an NLB
/// serves HTTP as well, so HTTP needs evidence: <c>app_protocol: http</c>, <c>x-mesh.protocol:
/// http</c> for that port (as the mesh model read it: <see cref="EcsSettings.DeclaredProtocols"/>),
/// a healthcheck that GETs the port, or a port that conventionally serves HTTP.
/// </summary>
internal static class PortProtocols
{
    private static readonly FrozenSet<int> ConventionalHttpPorts = FrozenSet.Create(
        80, 81, 3000, 3001, 4000, 4200, 5000, 5173, 5601, 8000, 8001, 8008, 8080, 8081, 8082, 8088, 8888, 9000, 9090, 15672);

    public static bool IsHttp(ServicePort port, DeclaredProtocol? declared, (int Port, string Path)? probe)
    {
        if (port.Protocol != "tcp")
        {
            return false;
        }

        if (port.AppProtocol is { } app)
        {
            // An ALB listener without a certificate speaks HTTP/1.1; http2 (h2c) and grpc need TLS on an ALB, so they pass through an NLB.
            return app.Equals("http", StringComparison.OrdinalIgnoreCase);
        }

        if (declared is not null && declared.Port == port.Target)
        {
            return declared.IsHttp;
        }

        return probe?.Port == port.Target || ConventionalHttpPorts.Contains(port.Target);
    }
}
