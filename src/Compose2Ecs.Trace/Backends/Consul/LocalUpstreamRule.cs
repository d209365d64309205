using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.Consul;

/// <summary>
/// The proxy hop: a call to a mesh service must dial the caller's local upstream listener; Fargate
/// has no transparent proxy (it needs NET_ADMIN), so <c>http://api:8080</c> goes straight to the
/// network, outside the mesh, unless the value was rewritten to <c>localhost:&lt;local_port&gt;</c>.
/// </summary>
public sealed class LocalUpstreamRule : IHopRule
{
    public const string Id = "consul.upstream";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new ConsulView(context.Graph);
        var callerInMesh = context.Apps.Find(call.Caller) is { } caller && view.Config(caller) is not null;
        var targetsInMesh = call.Targets.Any(t => context.Apps.Find(t) is { } task && view.Config(task) is not null);
        if (call.IsLocal || !targetsInMesh)
        {
            yield break;
        }

        yield return Hop.Broken(HopKind.Proxy, call.Upstream, Id, callerInMesh
            ? $"{call.Host}:{call.Port} bypasses {call.Caller}'s sidecar (no transparent proxy on Fargate); dial its local upstream listener instead"
            : $"{call.Caller} is not in the mesh, and {call.Upstream} accepts only mesh traffic (its Envoy public listener)");
    }
}
