namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The protocol of a listener nobody wrote one for (spec §2): http for a service that the gateway
/// (which routes by path) or an L7 route rule reaches by HTTP, the route's protocol for a route
/// that says http2 or grpc; else the reader's tcp, which carries every protocol unharmed where a
/// guessed http would break Postgres or Redis. A rule is L7 when it matches requests, retries them
/// or times them out.
/// </summary>
internal static class DefaultProtocols
{
    /// <summary>The services the gateway or an L7 route rule reaches, with the protocol they are reached by.</summary>
    public static IReadOnlyDictionary<string, MeshProtocol> Reached(IReadOnlyList<RouteSpec> routes, GatewaySpec? gateway)
    {
        var reached = new Dictionary<string, MeshProtocol>(StringComparer.Ordinal);
        var routesByName = routes.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var route in routes)
        {
            if (L7Protocol(route) is { } protocol)
            {
                foreach (var target in Targets(route))
                {
                    reached.TryAdd(target, protocol);
                }
            }
        }

        // The gateway routes by path, so what it reaches speaks HTTP whatever load balancer is in front of it.
        if (gateway is not null)
        {
            foreach (var to in gateway.Routes.Select(r => r.To))
            {
                foreach (var target in routesByName.TryGetValue(to, out var route) ? Targets(route) : [to])
                {
                    reached.TryAdd(target, MeshProtocol.Http);
                }
            }
        }

        return reached;
    }

    /// <summary>The protocol a route reaches its targets by, when it is not tcp: written, or implied by its rules' matches.</summary>
    private static MeshProtocol? L7Protocol(RouteSpec route)
    {
        if (route.Protocol is { } written)
        {
            return written == MeshProtocol.Tcp ? null : written;
        }

        var matches = route.Rules.Select(r => r.Match).OfType<RouteMatch>().ToList();
        if (matches.Count == 0 && !route.Rules.Any(r => r.Retries is not null || r.Timeout is not null))
        {
            return null;
        }

        return matches.Any(m => m.GrpcService is not null || m.GrpcMethod is not null) ? MeshProtocol.Grpc : MeshProtocol.Http;
    }

    private static IEnumerable<string> Targets(RouteSpec route) => route.Rules.SelectMany(r => r.Targets).Select(t => t.Service).Distinct(StringComparer.Ordinal);
}
