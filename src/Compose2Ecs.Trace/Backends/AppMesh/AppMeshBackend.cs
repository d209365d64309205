using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.AppMesh;

/// <summary>
/// App Mesh: the caller's Envoy intercepts the connection (ECS <c>ProxyConfiguration</c>), matches
/// it to a backend virtual service, and opens a new one to the target's endpoint on the target
/// node's listener port, where the target's Envoy intercepts it again.
/// </summary>
public sealed class AppMeshBackend : ITraceBackend
{
    public string Name => "appmesh";

    public bool Detect(ResourceGraph graph) => graph.OfType("AWS::AppMesh::Mesh").Any() || graph.OfType("AWS::AppMesh::VirtualNode").Any();

    public int WirePort(Call call, string target, TraceContext context)
    {
        var view = new AppMeshView(context.Graph);
        return context.Apps.Find(call.Caller) is { } caller && view.Proxy(caller) is { } proxy && !EnvoyProxyRule.Ignores(proxy, call.Port)
            && view.NodeOf(target) is { } node && view.Listener(node) is { } listener
            ? listener.Port
            : call.Port;
    }

    public IEnumerable<Hop> IngressHops(Ingress.IngressPath path, TraceContext context) =>
        IngressEnvoyRule.Check(path, new AppMeshView(context.Graph));

    public IReadOnlyList<IHopRule> Rules { get; } = [new EnvoyProxyRule(), new EnvoyRoutingRule()];
}
