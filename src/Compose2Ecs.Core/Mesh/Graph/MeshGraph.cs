using System.Collections.Immutable;

namespace Compose2Ecs.Core.Mesh;

public enum GraphNodeKind
{
    Internet,
    Gateway,
    Route,
    Service,
    OutboundOnlyService,
    PlainService,
}

public enum GraphEdgeKind
{
    /// <summary>From the internet to the gateway or a published service.</summary>
    Ingress,

    /// <summary>From the gateway to a service or route.</summary>
    GatewayRoute,

    /// <summary>From a route to a target service of one of its rules.</summary>
    RouteTarget,

    /// <summary>A mesh upstream edge: caller to service or route.</summary>
    Upstream,

    /// <summary>A direct (outside the mesh) depends_on edge.</summary>
    Direct,
}

/// <summary>A node of the drawing. <paramref name="Key"/> is unique (<c>service:api</c>); renderers make their own ids from it.</summary>
public sealed record GraphNode(string Key, GraphNodeKind Kind, ImmutableArray<string> Lines);

/// <summary>An arrow of the drawing; <paramref name="Label"/> may be empty.</summary>
public sealed record GraphEdge(string From, string To, GraphEdgeKind Kind, string Label);

/// <summary>
/// The mesh as a picture, independent of the drawing language: nodes for the internet, the
/// gateway, routes and services; arrows for ingress, gateway routes, rule targets (with their
/// weights) and upstream edges. Sorted, so the same model always draws the same.
/// </summary>
public sealed record MeshGraph(ImmutableArray<GraphNode> Nodes, ImmutableArray<GraphEdge> Edges)
{
    public static MeshGraph Build(MeshModel model)
    {
        var nodes = new List<GraphNode>();
        var edges = new List<(GraphEdge Edge, int Order)>();
        // A port published on the host's loopback gets no load balancer: the internet cannot reach it.
        var published = model.PublishedPorts.Where(p => !p.Port.IsLoopbackOnly).ToList();
        var hasIngress = model.Gateway is not null || published.Count > 0;
        if (hasIngress)
        {
            nodes.Add(new GraphNode(Internet, GraphNodeKind.Internet, ["internet"]));
        }

        if (model.Gateway is { } gateway)
        {
            nodes.Add(new GraphNode(GatewayKey, GraphNodeKind.Gateway, ["gateway", $"{gateway.LoadBalancer.Name()} :{gateway.Port}"]));
            edges.Add((new GraphEdge(Internet, GatewayKey, GraphEdgeKind.Ingress, $":{gateway.Port}"), 0));
            for (var i = 0; i < gateway.Routes.Length; i++)
            {
                var route = gateway.Routes[i];
                var to = route.ToKind == UpstreamKind.Route ? RouteKey(route.To) : ServiceKey(route.To);
                edges.Add((new GraphEdge(GatewayKey, to, GraphEdgeKind.GatewayRoute, route.PathPrefix), i));
            }
        }

        foreach (var route in model.Routes)
        {
            nodes.Add(new GraphNode(RouteKey(route.Name), GraphNodeKind.Route, [$"route {route.Name}", $":{route.Port} {route.Protocol.Name()}"]));
            foreach (var rule in route.Rules)
            {
                foreach (var target in rule.Targets)
                {
                    var label = $"rule {rule.Number}: {RuleText.Condition(rule)} · {RuleText.Weight(rule, target)}";
                    edges.Add((new GraphEdge(RouteKey(route.Name), ServiceKey(target.Service), GraphEdgeKind.RouteTarget, label), rule.Index));
                }
            }
        }

        foreach (var service in model.Services)
        {
            nodes.Add(service.Listener is { } listener
                ? new GraphNode(ServiceKey(service.Name), GraphNodeKind.Service, [service.Name, $":{listener.Port} {listener.Protocol.Name()}"])
                : new GraphNode(ServiceKey(service.Name), GraphNodeKind.OutboundOnlyService, [service.Name, "outbound only"]));
        }

        // Without a mesh (--mesh none, or no x-mesh) every service is plain: saying so on each node
        // says nothing, so they are drawn as services.
        var noMesh = model.Services.IsEmpty;
        foreach (var plain in model.PlainServices)
        {
            var ports = string.Join(",", plain.ContainerPorts);
            nodes.Add(noMesh
                ? new GraphNode(ServiceKey(plain.Name), GraphNodeKind.Service, [plain.Name, plain.ContainerPorts.IsEmpty ? "no ports" : $":{ports}"])
                : new GraphNode(ServiceKey(plain.Name), GraphNodeKind.PlainService, [plain.Name, plain.ContainerPorts.IsEmpty ? "plain" : $"plain :{ports}"]));
        }

        foreach (var (service, port) in published)
        {
            edges.Add((new GraphEdge(Internet, ServiceKey(service), GraphEdgeKind.Ingress, $"{port.Published}:{port.Target}"), port.Published ?? 0));
        }

        foreach (var edge in model.Edges)
        {
            var to = edge.Kind == UpstreamKind.Route ? RouteKey(edge.Upstream) : ServiceKey(edge.Upstream);
            var label = edge.Via == EdgeVia.Direct
                ? $"direct :{string.Join(",", edge.Targets.Select(t => t.Port))}"
                : model.DialsUpstreamsOnLocalhost && edge.LocalPort is { } local ? $"localhost:{local}" : "";
            edges.Add((new GraphEdge(ServiceKey(edge.Caller), to, edge.Via == EdgeVia.Direct ? GraphEdgeKind.Direct : GraphEdgeKind.Upstream, label), 0));
        }

        return new MeshGraph(
            [.. nodes.OrderBy(n => n.Kind).ThenBy(n => n.Key, StringComparer.Ordinal)],
            [
                .. edges
                    .OrderBy(e => e.Edge.Kind)
                    .ThenBy(e => e.Edge.From, StringComparer.Ordinal)
                    .ThenBy(e => e.Order)
                    .ThenBy(e => e.Edge.To, StringComparer.Ordinal)
                    .ThenBy(e => e.Edge.Label, StringComparer.Ordinal)
                    .Select(e => e.Edge),
            ]);
    }

    /// <summary>
    /// The part of the graph within <paramref name="depth"/> arrows of a service, either way (who
    /// calls it, whom it calls), for an application too big to read (or for Mermaid to draw) whole.
    /// </summary>
    public MeshGraph Around(string service, int depth)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal) { ServiceKey(service) };
        var frontier = kept.ToList();
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            frontier = [.. Edges
                .SelectMany(e => frontier.Contains(e.From) ? [e.To] : frontier.Contains(e.To) ? new[] { e.From } : [])
                .Where(kept.Add)];
        }

        return new MeshGraph([.. Nodes.Where(n => kept.Contains(n.Key))], [.. Edges.Where(e => kept.Contains(e.From) && kept.Contains(e.To))]);
    }

    private const string Internet = "internet";
    private const string GatewayKey = "gateway";

    private static string ServiceKey(string name) => $"service:{name}";

    private static string RouteKey(string name) => $"route:{name}";
}
