using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.AppMesh;

/// <summary>
/// The mesh hop: Envoy on the caller's node matches the call to one of the node's backends —
/// HTTP, HTTP/2 and gRPC by the Host header (the name dialed, exactly: <c>api:8080</c> does not
/// match a virtual service named <c>api.shop.local</c>), TCP by the destination address — and
/// under DROP_ALL drops what matches none. The matched virtual service's provider (a node, or a
/// router whose routes are of the router listener's protocol) reaches the target; the target
/// node's listener protocol can carry the traffic (postgres on an http listener cannot).
/// </summary>
public sealed class EnvoyRoutingRule : IHopRule
{
    public const string Id = "appmesh.routing";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new AppMeshView(context.Graph);
        if (context.Apps.Find(call.Caller) is not { } caller || view.Proxy(caller) is not { } proxy || EnvoyProxyRule.Ignores(proxy, call.Port))
        {
            yield break;
        }

        if (view.Node(caller) is not { } node)
        {
            yield return Hop.Broken(HopKind.Mesh, call.Upstream, Id, $"{call.Caller}'s Envoy names no virtual node of the templates (APPMESH_RESOURCE_ARN)");
            yield break;
        }

        var backends = view.BackendNames(node).ToList();
        var http = call.Protocol != MeshProtocol.Tcp;
        var shortName = context.ShortName(call.Host);
        // Envoy's egress takes a tcp backend's port whatever the bytes are, so HTTP sent to a tcp
        // service (tcp is the default protocol) reaches it as opaque TCP; only HTTP backends match by Host.
        var matched = http
            ? backends.FirstOrDefault(b => b == call.Host)
                ?? backends.FirstOrDefault(b => context.ShortName(b) == shortName && IsTcpOn(view, b, call.Port))
            : backends.FirstOrDefault(b => b == call.Host || context.ShortName(b) == shortName);
        var filter = view.EgressFilter;
        if (matched is null)
        {
            var how = http ? $"Host {call.Host}:{call.Port} matches no virtual service" : $"{call.Host}:{call.Port} is no virtual service";
            var known = backends.Count == 0 ? "none" : string.Join(", ", backends);
            yield return filter == "ALLOW_ALL"
                ? Hop.Ok(HopKind.Mesh, call.Upstream, Id, $"{how} of {call.Caller}'s backends ({known}); ALLOW_ALL passes it through outside the mesh")
                : Hop.Broken(HopKind.Mesh, call.Upstream, Id, $"{how} of {call.Caller}'s backends ({known}); DROP_ALL drops it");
            yield break;
        }

        if (view.VirtualService(matched) is not { } virtualService || view.Provider(virtualService, out var kind) is not { } provider)
        {
            yield return Hop.Broken(HopKind.Mesh, call.Upstream, Id, $"backend {matched} of {call.Caller}'s node is no virtual service with a provider in the templates");
            yield break;
        }

        string? routeProblem = null;
        var reached = kind == "VirtualNode" ? [provider] : RouteTargets(view, provider, call, out routeProblem).ToList();
        if (routeProblem is not null)
        {
            yield return Hop.Broken(HopKind.Mesh, call.Upstream, Id, $"virtual service {matched}: {routeProblem}");
            yield break;
        }

        foreach (var target in call.Targets)
        {
            var targetNode = view.NodeOf(target);
            if (targetNode is null || !reached.Any(r => r.Id == targetNode.Id))
            {
                yield return Hop.Broken(HopKind.Mesh, target, Id, $"virtual service {matched} does not reach {target}'s virtual node");
                continue;
            }

            var listener = view.Listener(targetNode);
            if (listener is { Protocol: "http" or "http2" or "grpc" } l && call.Protocol == MeshProtocol.Tcp)
            {
                yield return Hop.Broken(HopKind.Mesh, target, Id, $"{target}'s listener {l.Port} is {l.Protocol}, but the call carries non-HTTP tcp traffic: Envoy cannot parse it");
                continue;
            }

            yield return Hop.Ok(HopKind.Mesh, target, Id, $"backend virtual service {matched} on {call.Caller}'s node -> {target} ({listener?.Protocol}/{listener?.Port})");
        }
    }

    /// <summary>Whether the backend virtual service's provider (a node or a router) listens with tcp on <paramref name="port"/>.</summary>
    private static bool IsTcpOn(AppMeshView view, string backend, int port) =>
        view.VirtualService(backend) is { } service && view.Provider(service, out _) is { } provider
        && view.Listener(provider) is { Protocol: "tcp" } listener && listener.Port == port;

    /// <summary>The nodes a router's routes send traffic to; a problem when a route's type does not match the router listener's protocol.</summary>
    private static IEnumerable<Resource> RouteTargets(AppMeshView view, Resource router, Call call, out string? problem)
    {
        problem = null;
        var protocol = view.Listener(router)?.Protocol ?? "";
        var expected = protocol switch { "http" => "HttpRoute", "http2" => "Http2Route", "grpc" => "GrpcRoute", _ => "TcpRoute" };
        if (protocol is "http" or "http2" or "grpc" && call.Protocol == MeshProtocol.Tcp)
        {
            problem = $"router listener is {protocol}, but the call carries non-HTTP tcp traffic";
            return [];
        }

        var nodes = new List<Resource>();
        foreach (var route in view.Routes(router))
        {
            if (view.Graph.Value(route, "Spec") is not CfnObjectValue spec)
            {
                continue;
            }

            var type = spec.Entries.Keys.FirstOrDefault(k => k.EndsWith("Route", StringComparison.Ordinal));
            if (type != expected)
            {
                problem = $"route {view.Graph.Value(route, "RouteName").Text} is a {type} on a {protocol} router listener: App Mesh ignores it";
                return [];
            }

            var action = (spec.Entries[type] as CfnObjectValue)?.Entries.GetValueOrDefault("Action") as CfnObjectValue;
            foreach (var weighted in (action?.Entries.GetValueOrDefault("WeightedTargets") as CfnListValue)?.Items.OfType<CfnObjectValue>() ?? [])
            {
                var value = weighted.Entries.GetValueOrDefault("VirtualNode");
                var node = view.Graph.Find(value?.Resource) ?? view.Nodes.FirstOrDefault(n => value?.Text is not null && view.NameOf(n) == value.Text);
                if (node is not null && weighted.Entries.GetValueOrDefault("Weight")?.Text != "0")
                {
                    nodes.Add(node);
                }
            }
        }

        return nodes;
    }
}
