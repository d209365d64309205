using Compose2Ecs.Trace.Ingress;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.ServiceConnect;

/// <summary>
/// A load balancer in front of a Service Connect endpoint. The proxy listens on the named port's
/// container port unless <c>IngressPortOverride</c> moves it; with TLS it speaks only TLS there,
/// so a plain target group sending to that port fails its health checks (ECS developer guide,
/// Service Connect TLS). With the override the load balancer reaches the app port directly.
/// </summary>
internal static class IngressTlsRule
{
    public const string Id = "service-connect.ingress";

    public static IEnumerable<Hop> Check(IngressPath path, ServiceConnectView view)
    {
        var task = path.Task!;
        foreach (var endpoint in view.Endpoints.Where(e => e.Server.Service.Id == task.Service.Id).DistinctBy(e => e.PortName))
        {
            if (view.PortMapping(task, endpoint.PortName)?["ContainerPort"]?.GetValue<int>() is not { } port || port != path.ContainerPort)
            {
                continue;
            }

            var tls = endpoint.Service.Entries.ContainsKey("Tls");
            var proxyPort = int.TryParse(endpoint.Service.Entries.GetValueOrDefault("IngressPortOverride")?.Text, out var o) ? o : port;
            if (!tls)
            {
                yield return Hop.Ok(HopKind.Proxy, task.Name, Id, $"Service Connect passes plain traffic on {port} to the app");
            }
            else if (proxyPort != port)
            {
                yield return Hop.Ok(HopKind.Proxy, task.Name, Id, $"the target group reaches the app on {port}; Service Connect's TLS proxy listens on {proxyPort} (IngressPortOverride)");
            }
            else if (path.TargetProtocol is "HTTPS" or "TLS")
            {
                yield return new Hop(HopKind.Proxy, task.Name, Verdict.Unknown, Id, $"Service Connect's proxy owns {port} with TLS 1.3 and the target group sends {path.TargetProtocol}: works only if the load balancer negotiates TLS 1.3 with targets");
            }
            else
            {
                yield return Hop.Broken(HopKind.Proxy, task.Name, Id, $"Service Connect's proxy owns {port} and speaks only TLS there, but the target group sends plain {path.TargetProtocol}: its health checks fail; set IngressPortOverride so the load balancer reaches the app port");
            }
        }
    }
}
