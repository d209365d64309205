using System.Collections.Frozen;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Decides whether a published TCP port speaks HTTP (an ALB can serve it) or something else
/// (an NLB passes it through). An ALB in front of a database would break it, while an NLB
/// serves HTTP as well, so HTTP needs evidence: <c>app_protocol: http</c>, <c>x-mesh.protocol:
/// http</c> for that port, a healthcheck that GETs the port, or a port that conventionally
/// serves HTTP.
/// </summary>
internal static class PortProtocols
{
    private static readonly FrozenSet<int> ConventionalHttpPorts = FrozenSet.Create(
        80, 81, 3000, 3001, 4000, 4200, 5000, 5173, 5601, 8000, 8001, 8008, 8080, 8081, 8082, 8088, 8888, 9000, 9090, 15672);

    public static bool IsHttp(ComposeService service, ServicePort port, (int Port, string Path)? probe)
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

        if (MeshProtocol(service, port) is { } mesh)
        {
            return mesh == "http";
        }

        return probe?.Port == port.Target || ConventionalHttpPorts.Contains(port.Target);
    }

    /// <summary>The service's <c>x-mesh.protocol</c> when it is about this port (its <c>x-mesh.port</c>, or the first port).</summary>
    private static string? MeshProtocol(ComposeService service, ServicePort port)
    {
        if (service.Mesh is not MappingNode mesh || mesh["protocol"] is not ScalarNode { IsNull: false } protocol)
        {
            return null;
        }

        var listener = mesh["port"] is ScalarNode p && CoreSchema.TryGetInt(p.Value, out var n) ? (int)n : service.Ports.FirstOrDefault()?.Target;
        return listener == port.Target ? protocol.Value : null;
    }
}
