using Compose2Ecs.Trace.Ingress;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.AppMesh;

/// <summary>
/// A load balancer in front of App Mesh: a virtual gateway's Envoy listens on the gateway's listener
/// port, so the target group must send there; a service's own Envoy intercepts its app ports and,
/// with a STRICT TLS listener, refuses the plaintext a load balancer sends.
/// </summary>
internal static class IngressEnvoyRule
{
    public const string Id = "appmesh.ingress";

    public static IEnumerable<Hop> Check(IngressPath path, AppMeshView view)
    {
        var task = path.Task!;
        if (view.Gateway(task) is { } gateway)
        {
            var listener = view.Listener(gateway);
            yield return listener?.Port == path.ContainerPort
                ? Hop.Ok(HopKind.Proxy, task.Name, Id, $"virtual gateway {gateway.LogicalId} listens on {path.ContainerPort}, where the target group sends")
                : Hop.Broken(HopKind.Proxy, task.Name, Id, $"virtual gateway {gateway.LogicalId} listens on {(listener is { } l ? l.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no port")}, but the target group sends to {path.ContainerPort}");
            yield break;
        }

        if (view.Proxy(task) is not null && view.Node(task) is { } node && view.ListenerTls(node) == "STRICT" && path.TargetProtocol is not ("HTTPS" or "TLS"))
        {
            yield return Hop.Broken(HopKind.Proxy, task.Name, Id, $"{task.Name}'s Envoy accepts only TLS (listener TLS STRICT), and the target group sends plain {path.TargetProtocol}; put the service behind the mesh gateway, or use PERMISSIVE");
        }
    }
}
