using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.Consul;

/// <summary>
/// Consul on Fargate (consul-ecs): no transparent proxy, so an app reaches an upstream only through
/// the local listener its sidecar opens (<c>localhost:&lt;localBindPort&gt;</c>); the sidecar then
/// connects to the target's Envoy public listener, 20000, which intentions guard.
/// </summary>
public sealed class ConsulBackend : ITraceBackend
{
    public const int PublicListener = 20000;

    public string Name => "consul";

    public bool Detect(ResourceGraph graph) => graph.OfType("AWS::ECS::TaskDefinition").Any(t =>
        (t.Properties["ContainerDefinitions"] as System.Text.Json.Nodes.JsonArray ?? []).Any(c => c?["Name"]?.GetValue<string>() == ConsulView.MeshInit));

    public bool LocalUpstreams => true;

    public IReadOnlySet<int> ProxyListenerPorts { get; } = new HashSet<int> { PublicListener };

    public Hop? ResolveName(Call call, string target, TraceContext context)
    {
        var view = new ConsulView(context.Graph);
        var config = context.Apps.Find(call.Caller) is { } caller ? view.Config(caller) : null;
        if (call.IsLocal)
        {
            if (config is null)
            {
                return Hop.Broken(HopKind.Name, call.Upstream, LocalUpstreamRule.Id, $"{call.Caller} is not in the mesh: nothing listens on {call.Host}:{call.Port}");
            }

            var destination = view.Upstreams(config).Where(u => u.Port == call.Port).Select(u => u.Destination).FirstOrDefault() ?? "";
            return ConsulView.Names(config, call.Upstream).Contains(destination)
                ? Hop.Ok(HopKind.Name, call.Upstream, LocalUpstreamRule.Id, $"{call.Host}:{call.Port}: {call.Caller}'s sidecar upstream {destination}")
                : Hop.Broken(HopKind.Name, call.Upstream, LocalUpstreamRule.Id, destination.Length == 0
                    ? $"{call.Caller}'s sidecar has no upstream on local port {call.Port}"
                    : $"local port {call.Port} is {call.Caller}'s upstream {destination}, not {call.Upstream}");
        }

        return null;
    }

    public int WirePort(Call call, string target, TraceContext context) =>
        call.IsLocal ? PublicListener : call.Port;

    public IReadOnlyList<IHopRule> Rules { get; } = [new LocalUpstreamRule(), new SidecarRule(), new IntentionRule(), new ControllerTagRule()];
}
