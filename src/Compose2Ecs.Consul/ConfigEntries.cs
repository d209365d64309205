using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>One Consul config entry, as <c>consul config write</c> takes it (JSON).</summary>
public sealed record ConfigEntry(string Kind, string Name, JsonObject Body)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file name in the output folder: <c>&lt;kind&gt;-&lt;name&gt;.json</c>.</summary>
    public string FileName => $"{Kind}-{Name}.json";

    public string ToJson() => Body.ToJsonString(Indented) + "\n";

    public string ToCompactJson() => Body.ToJsonString(Compact);
}

/// <summary>
/// Intentions and L7 traffic management as Consul config entries (consul-ecs writes none of
/// them). In the order <c>consul config write</c> needs: protocols first (<c>service-defaults</c>),
/// then resolvers, splitters and routers, then intentions, then the API gateway and its routes.
/// </summary>
public static class ConfigEntries
{
    private static readonly string[] KindOrder =
        ["service-defaults", "service-resolver", "service-splitter", "service-router", "service-intentions", "api-gateway", "http-route", "tcp-route"];

    public static IReadOnlyList<ConfigEntry> Build(MeshModel model)
    {
        var names = ConsulNames.For(model);
        var entries = new List<ConfigEntry>();
        entries.AddRange(ServiceDefaults(model, names));
        foreach (var route in model.Routes)
        {
            entries.AddRange(Route(route, names));
        }

        entries.AddRange(Intentions(model, names));
        if (model.Gateway is { } gateway)
        {
            entries.AddRange(Gateway(gateway, names));
        }

        Tenancy.Apply(entries, model.Settings<ConsulSettings>(), names);
        return [.. entries
            .Select((e, i) => (e, i))
            .OrderBy(x => Array.IndexOf(KindOrder, x.e.Kind))
            .ThenBy(x => x.e.Name, StringComparer.Ordinal)
            .Select(x => x.e)];
    }

    /// <summary>
    /// One <c>service-defaults</c> per mesh service and per route: the protocol (routers and
    /// splitters need an L7 one); a listener's policies become the service's own settings
    /// (inbound connection limit, local request timeout), and its outlier detection and
    /// connection pool become what each caller's proxy applies to it (<c>UpstreamConfig.Overrides</c>).
    /// </summary>
    private static IEnumerable<ConfigEntry> ServiceDefaults(MeshModel model, ConsulNames names)
    {
        // Keyed by the caller's upstream, which is what Consul matches: through a route that is the
        // route, whose options then hold for every target it reaches (one upstream config per discovery chain).
        var overrides = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var edge in model.ConcreteEdges.Where(e => e.Via == EdgeVia.Mesh).DistinctBy(e => (e.Caller, e.Route ?? e.Target)))
        {
            var upstream = edge.Route is { } route ? RouteOverride(model, route, names) : TargetOverride(model, edge.Target, names.Of(edge.Target));
            if (upstream is not null)
            {
                (overrides.TryGetValue(edge.Caller, out var list) ? list : overrides[edge.Caller] = []).Add(upstream);
            }
        }

        foreach (var service in model.Services)
        {
            var body = Entry("service-defaults", names.Of(service.Name));
            if (service.Listener is { } listener)
            {
                body["Protocol"] = listener.Protocol.Name();
                if (listener.ConnectionPool?.MaxConnections is { } max)
                {
                    body["MaxInboundConnections"] = max;
                }

                if (listener.Timeout?.PerRequest is { } perRequest)
                {
                    body["LocalRequestTimeoutMs"] = (long)perRequest.TotalMilliseconds;
                }
            }
            else
            {
                body["Protocol"] = "tcp";
            }

            if (overrides.TryGetValue(service.Name, out var list))
            {
                body["UpstreamConfig"] = new JsonObject { ["Overrides"] = list };
            }

            yield return new ConfigEntry("service-defaults", names.Of(service.Name), body);
        }

        foreach (var route in model.Routes)
        {
            var body = Entry("service-defaults", names.Of(route.Name));
            body["Protocol"] = route.Protocol.Name();
            yield return new ConfigEntry("service-defaults", names.Of(route.Name), body);
        }
    }

    /// <summary>A route's override: the options its targets set (targets that set none take them too; targets that disagree are an error, C2E5007).</summary>
    private static JsonObject? RouteOverride(MeshModel model, string route, ConsulNames names) =>
        model.FindRoute(route) is { } r
            ? r.TargetServices.Select(t => TargetOverride(model, t, names.Of(route))).FirstOrDefault(o => o is not null)
            : null;

    private static JsonObject? TargetOverride(MeshModel model, string target, string name) =>
        model.FindService(target)?.Listener is { } listener ? UpstreamOverride(name, listener) : null;

    /// <summary>What a caller's proxy applies to one upstream (<c>UpstreamConfig.Overrides</c>), from the target's listener; null: nothing set.</summary>
    internal static JsonObject? UpstreamOverride(string name, MeshListener listener)
    {
        if (listener.OutlierDetection is null && listener.ConnectionPool is null)
        {
            return null;
        }

        var upstream = new JsonObject { ["Name"] = name };
        if (listener.ConnectionPool is { } pool)
        {
            var limits = new JsonObject();
            Set(limits, "MaxConnections", pool.MaxConnections);
            Set(limits, "MaxPendingRequests", pool.MaxPendingRequests);
            Set(limits, "MaxConcurrentRequests", pool.MaxRequests);
            if (limits.Count > 0)
            {
                upstream["Limits"] = limits;
            }
        }

        if (listener.OutlierDetection is { } outlier)
        {
            upstream["PassiveHealthCheck"] = new JsonObject
            {
                ["Interval"] = Duration(outlier.Interval),
                ["MaxFailures"] = outlier.MaxServerErrors,
                ["MaxEjectionPercent"] = outlier.MaxEjectionPercent,
                ["BaseEjectionTime"] = Duration(outlier.BaseEjection),
            };
        }

        return upstream;
    }

    /// <summary>
    /// A route's entries. Rules with a match become <c>service-router</c> routes, in order (first
    /// match wins); a rule that splits by weight sends to a virtual service <c>&lt;route&gt;-rule&lt;n&gt;</c>
    /// with its own <c>service-splitter</c>; the last rule without a match is the route's own
    /// splitter (several targets) or a <c>service-resolver</c> redirect (one target).
    /// </summary>
    private static IEnumerable<ConfigEntry> Route(MeshRoute route, ConsulNames names)
    {
        var name = names.Of(route.Name);
        var routes = new JsonArray();
        foreach (var rule in route.Rules)
        {
            var targets = rule.Targets.Where(t => t.Weight > 0).ToList();
            var isDefault = rule.Match is null;
            if (isDefault && rule.Timeout is null && rule.Retries is null)
            {
                // Traffic no router route takes stays on the route's own name: split or redirect it there.
                foreach (var entry in Destination(route, name, targets, own: true, names))
                {
                    yield return entry;
                }

                continue;
            }

            var destinationName = targets.Count == 1 ? names.Of(targets[0].Service) : $"{name}-rule{rule.Number}";
            if (targets.Count > 1)
            {
                foreach (var entry in Destination(route, destinationName, targets, own: false, names))
                {
                    yield return entry;
                }
            }

            var destination = new JsonObject { ["Service"] = destinationName };
            if (rule.Timeout is { } timeout)
            {
                destination["RequestTimeout"] = Duration(timeout);
            }

            if (rule.Retries is { } retries)
            {
                destination["NumRetries"] = retries.Attempts;
                if (retries.On.Contains("connection-error"))
                {
                    destination["RetryOnConnectFailure"] = true;
                }
                var on = retries.On.SelectMany(RetryOn).Distinct().ToList();
                if (on.Count > 0)
                {
                    destination["RetryOn"] = new JsonArray([.. on.Select(o => (JsonNode)JsonValue.Create(o)!)]);
                }
            }

            var routeEntry = new JsonObject();
            routeEntry["Match"] = new JsonObject { ["HTTP"] = rule.Match is { } match ? HttpMatch(route, match) : new JsonObject { ["PathPrefix"] = "/" } };
            routeEntry["Destination"] = destination;
            routes.Add(routeEntry);
        }

        if (routes.Count > 0)
        {
            var router = Entry("service-router", name);
            router["Routes"] = routes;
            yield return new ConfigEntry("service-router", name, router);
        }
    }

    /// <summary>Where a rule's traffic goes: one target (a resolver redirect, for the route's own name) or a splitter.</summary>
    private static IEnumerable<ConfigEntry> Destination(MeshRoute route, string name, List<WeightedTarget> targets, bool own, ConsulNames names)
    {
        if (targets.Count == 1)
        {
            if (own)
            {
                var resolver = new JsonObject { ["Kind"] = "service-resolver", ["Name"] = name, ["Redirect"] = new JsonObject { ["Service"] = names.Of(targets[0].Service) } };
                yield return new ConfigEntry("service-resolver", name, resolver);
            }

            yield break;
        }

        if (!own)
        {
            // A splitter's virtual name needs a protocol too.
            var defaults = new JsonObject { ["Kind"] = "service-defaults", ["Name"] = name, ["Protocol"] = route.Protocol.Name() };
            yield return new ConfigEntry("service-defaults", name, defaults);
        }

        var splits = new JsonArray();
        foreach (var (service, percent) in Percentages(targets))
        {
            splits.Add(new JsonObject { ["Weight"] = percent, ["Service"] = names.Of(service) });
        }

        var splitter = new JsonObject { ["Kind"] = "service-splitter", ["Name"] = name, ["Splits"] = splits };
        yield return new ConfigEntry("service-splitter", name, splitter);
    }

    /// <summary>
    /// Integer weights → percentages that sum to exactly 100 (Consul requires it). Largest
    /// remainder: each target gets the floor of its share, and the points left go to the
    /// largest remainders, ties to the target written first — the same input always gives the same split.
    /// </summary>
    public static IReadOnlyList<(string Service, int Percent)> Percentages(IReadOnlyList<WeightedTarget> targets)
    {
        var total = targets.Sum(t => t.Weight);
        var shares = targets.Select((t, i) => (t.Service, Index: i, Floor: t.Weight * 100 / total, Remainder: t.Weight * 100 % total)).ToList();
        var left = 100 - shares.Sum(s => s.Floor);
        var bonus = shares.OrderByDescending(s => s.Remainder).ThenBy(s => s.Index).Take(left).Select(s => s.Index).ToHashSet();
        return [.. shares.Select(s => (s.Service, s.Floor + (bonus.Contains(s.Index) ? 1 : 0)))];
    }

    private static JsonObject HttpMatch(MeshRoute route, RouteMatch match)
    {
        var http = new JsonObject();
        if (match.Path is { } path)
        {
            http[path.Kind switch { PathMatchKind.Exact => "PathExact", PathMatchKind.Regex => "PathRegex", _ => "PathPrefix" }] = path.Value;
        }
        else if (match.GrpcService is { } grpcService)
        {
            // gRPC calls are HTTP/2 POSTs to /<package.Service>/<Method>.
            if (match.GrpcMethod is { } method)
            {
                http["PathExact"] = $"/{grpcService}/{method}";
            }
            else
            {
                http["PathPrefix"] = $"/{grpcService}/";
            }
        }

        if (match.Method is { } m)
        {
            http["Methods"] = new JsonArray(m);
        }

        if (!match.Headers.IsEmpty)
        {
            http["Header"] = new JsonArray([.. match.Headers.Select(h => (JsonNode)ValueMatch(h))]);
        }

        if (!match.Query.IsEmpty)
        {
            http["QueryParam"] = new JsonArray([.. match.Query.Select(q => (JsonNode)ValueMatch(q))]);
        }

        if (http.Count == 0)
        {
            http["PathPrefix"] = "/";
        }

        _ = route;
        return http;
    }

    private static JsonObject ValueMatch(ValueMatch match)
    {
        var node = new JsonObject { ["Name"] = match.Name };
        switch (match.Kind)
        {
            case ValueMatchKind.Present:
                node["Present"] = true;
                break;
            default:
                node[match.Kind.ToString()] = match.Value;
                break;
        }

        return node;
    }

    /// <summary>The spec's retry events in Envoy's <c>retry_on</c> words, as Consul's <c>RetryOn</c> takes them.</summary>
    private static IEnumerable<string> RetryOn(string on) => on switch
    {
        "server-error" => ["5xx"],
        "gateway-error" => ["gateway-error"],
        "client-error" => ["retriable-4xx"],
        "stream-error" => ["refused-stream", "reset"],
        "connection-error" => ["connect-failure"],
        "cancelled" => ["cancelled"],
        "deadline-exceeded" => ["deadline-exceeded"],
        "internal" => ["internal"],
        "resource-exhausted" => ["resource-exhausted"],
        "unavailable" => ["unavailable"],
        _ => [],
    };

    /// <summary>
    /// One <c>service-intentions</c> entry per mesh service with a listener: an allow for each
    /// concrete edge into it (from services and the API gateway) and, with <c>egress: drop_all</c>,
    /// a <c>*</c> deny last. Intentions apply to the real destination after routing, so an edge
    /// through a route allows its caller to each of the route's targets.
    /// </summary>
    private static IEnumerable<ConfigEntry> Intentions(MeshModel model, ConsulNames names)
    {
        foreach (var service in model.Services.Where(s => s.Listener is not null))
        {
            var sources = model.ConcreteEdgesTo(service.Name)
                .Where(e => e.Via == EdgeVia.Mesh)
                .Select(e => names.Of(e.Caller))
                .Concat(model.Gateway?.Routes.Any(r => r.TargetServices.Contains(service.Name)) == true ? [names.Gateway] : [])
                .Distinct()
                .Order(StringComparer.Ordinal)
                .Select(source => (JsonNode)new JsonObject { ["Name"] = source, ["Action"] = "allow", ["Description"] = "compose2ecs: a declared upstream" })
                .ToList();
            if (model.Egress == EgressMode.DropAll)
            {
                sources.Add(new JsonObject { ["Name"] = "*", ["Action"] = "deny", ["Description"] = "compose2ecs: egress drop_all" });
            }

            if (sources.Count == 0)
            {
                continue;
            }

            var body = Entry("service-intentions", names.Of(service.Name));
            body["Sources"] = new JsonArray([.. sources]);
            yield return new ConfigEntry("service-intentions", names.Of(service.Name), body);
        }
    }

    /// <summary>The API gateway (one listener on 8443) and its routes, longest prefix first.</summary>
    private static IEnumerable<ConfigEntry> Gateway(MeshGateway gateway, ConsulNames names)
    {
        var name = names.Gateway;
        var tcp = gateway.Routes.Any(r => r.Protocol == MeshProtocol.Tcp);
        var listener = tcp ? "tcp" : "http";
        yield return new ConfigEntry("api-gateway", name, new JsonObject
        {
            ["Kind"] = "api-gateway",
            ["Name"] = name,
            ["Listeners"] = new JsonArray(new JsonObject { ["Name"] = listener, ["Port"] = ConsulEcsDefaults.GatewayPort, ["Protocol"] = listener }),
        });

        var parents = new JsonArray(new JsonObject { ["Kind"] = "api-gateway", ["Name"] = name, ["SectionName"] = listener });
        if (tcp)
        {
            var route = gateway.Routes.Single();
            yield return new ConfigEntry("tcp-route", names.GatewayRoute("tcp"), new JsonObject
            {
                ["Kind"] = "tcp-route",
                ["Name"] = names.GatewayRoute("tcp"),
                ["Parents"] = parents,
                ["Services"] = new JsonArray(new JsonObject { ["Name"] = names.Of(route.To) }),
            });
            yield break;
        }

        var rules = new JsonArray();
        foreach (var route in gateway.Routes.Select((r, i) => (r, i)).OrderByDescending(x => x.r.PathPrefix.Length).ThenBy(x => x.i).Select(x => x.r))
        {
            rules.Add(new JsonObject
            {
                ["Matches"] = new JsonArray(new JsonObject { ["Path"] = new JsonObject { ["Match"] = "prefix", ["Value"] = route.PathPrefix } }),
                ["Services"] = new JsonArray(new JsonObject { ["Name"] = names.Of(route.To) }),
            });
        }

        yield return new ConfigEntry("http-route", names.GatewayRoute("http"), new JsonObject
        {
            ["Kind"] = "http-route",
            ["Name"] = names.GatewayRoute("http"),
            ["Parents"] = parents,
            ["Rules"] = rules,
        });
    }

    /// <summary>An entry's body; <paramref name="consulName"/> is already the Consul name.</summary>
    private static JsonObject Entry(string kind, string consulName) => new() { ["Kind"] = kind, ["Name"] = consulName };

    private static void Set(JsonObject target, string key, int? value)
    {
        if (value is { } v)
        {
            target[key] = v;
        }
    }

    private static string Duration(TimeSpan value) => value.TotalMilliseconds % 1000 == 0
        ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
        : ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
