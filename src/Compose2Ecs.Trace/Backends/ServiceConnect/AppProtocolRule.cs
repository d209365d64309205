using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.ServiceConnect;

/// <summary>
/// The mesh hop: the endpoint's port mapping <c>AppProtocol</c> fits the traffic — an http, http2
/// or grpc port makes the proxy parse HTTP, which breaks a postgres or redis connection.
/// </summary>
public sealed class AppProtocolRule : IHopRule
{
    public const string Id = "service-connect.app-protocol";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new ServiceConnectView(context.Graph, context.Apps);
        if (context.Apps.Find(call.Caller) is not { } caller || view.Config(caller) is null)
        {
            yield break;
        }

        foreach (var endpoint in view.Endpoints.Where(e => call.Targets.Contains(e.Server.Name) && e.DnsName == call.Host && e.Port == call.Port))
        {
            var protocol = view.PortMapping(endpoint.Server, endpoint.PortName)?["AppProtocol"]?.GetValue<string>();
            if (protocol is "http" or "http2" or "grpc" && call.Protocol == MeshProtocol.Tcp)
            {
                yield return Hop.Broken(HopKind.Mesh, endpoint.Server.Name, Id, $"port {endpoint.PortName} has AppProtocol {protocol}, but the call carries non-HTTP tcp traffic: the proxy cannot parse it");
            }
            else if (protocol is null && call.Protocol != MeshProtocol.Tcp)
            {
                yield return Hop.Ok(HopKind.Mesh, endpoint.Server.Name, Id, $"port {endpoint.PortName} has no AppProtocol: {call.Protocol.ToString().ToLowerInvariant()} is carried as tcp (no L7 metrics or retries)");
            }
            else
            {
                yield return Hop.Ok(HopKind.Mesh, endpoint.Server.Name, Id, $"port {endpoint.PortName} AppProtocol {protocol ?? "tcp"}");
            }
        }
    }
}
