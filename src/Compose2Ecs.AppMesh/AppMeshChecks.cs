using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// What the mesh model allows and App Mesh cannot express, each reported at the key it is about:
/// App Mesh's limits on routes (10 weighted targets, 10 headers, 10 query parameters, exact-only
/// query matching, its HTTP methods, priorities 0–1000), health-check ranges (interval 5–300 s,
/// timeout 2–60 s, thresholds 2–10), connection-pool fields per protocol, what a virtual gateway
/// can route to (HTTP behind the load balancer), and names this backend needs for itself.
/// </summary>
public static class AppMeshChecks
{
    public const int MaxWeightedTargets = 10;
    public const int MaxHeaders = 10;
    public const int MaxQueryParameters = 10;
    public const int MaxPriority = 1000;

    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    };

    public static IEnumerable<Diagnostic> Check(MeshModel model) =>
        model.Routes.SelectMany(Route)
            .Concat(model.Services.SelectMany(s => Listener(model, s)))
            .Concat(Gateway(model))
            .Concat(Names(model))
            .Concat(SharedMesh(model))
            .Concat(ProxyChecks.Check(model));

    /// <summary>A mesh owned by another account is imported, never created: mesh_owner needs existing.</summary>
    private static IEnumerable<Diagnostic> SharedMesh(MeshModel model)
    {
        var settings = model.Settings<AppMeshSettings>();
        if (settings.MeshOwner is not null && !settings.Existing)
        {
            yield return Diagnostic.Error(model.LocationOf("x-mesh.appmesh.mesh_owner"), AppMeshDiagnosticCodes.SharedMeshNotExisting, "x-mesh.appmesh.mesh_owner: " +
                "a shared mesh belongs to another account, so this stack cannot create it; add existing: true to import it by name, or remove mesh_owner");
        }

        if (settings.Existing && model.KeyLocations.ContainsKey("x-mesh.egress"))
        {
            yield return Diagnostic.Warning(model.LocationOf("x-mesh.egress"), MeshDiagnosticCodes.IgnoredByBackend,
                "x-mesh.egress: ignored with appmesh.existing: the imported mesh keeps its own egress filter");
        }
    }

    private static IEnumerable<Diagnostic> Route(MeshRoute route)
    {
        var path = $"x-mesh.routes.{route.Name}";
        if (route.Rules.Length > MaxPriority + 1)
        {
            yield return Error(route.Rules[MaxPriority + 1].Location, AppMeshDiagnosticCodes.PastAppMeshLimit, $"{path}.rules[{MaxPriority + 1}]",
                $"App Mesh route priorities go from 0 to {MaxPriority}, so a route has at most {MaxPriority + 1} rules; merge rules");
        }

        foreach (var rule in route.Rules)
        {
            var rulePath = $"{path}.rules[{rule.Index}]";
            if (rule.Targets.Length > MaxWeightedTargets)
            {
                yield return Error(rule.Targets[MaxWeightedTargets].Location, AppMeshDiagnosticCodes.PastAppMeshLimit, $"{rulePath}.targets",
                    $"App Mesh sends a route to at most {MaxWeightedTargets} weighted targets, and this rule has {rule.Targets.Length}; split the traffic over fewer services");
            }

            if (rule.Match is not { } match)
            {
                continue;
            }

            if (match.Method is { } method && !Methods.Contains(method))
            {
                yield return Error(match.ConditionLocations.GetValueOrDefault("method", match.Location), AppMeshDiagnosticCodes.AppMeshCannotCarry, $"{rulePath}.match.method",
                    $"App Mesh matches only the methods {string.Join(", ", Methods.Order(StringComparer.Ordinal))}, not {method}; match by path or header instead");
            }

            var headersKey = route.Protocol == MeshProtocol.Grpc ? "metadata" : "headers";
            if (match.Headers.Length > MaxHeaders)
            {
                yield return Error(match.Headers[MaxHeaders].Location, AppMeshDiagnosticCodes.PastAppMeshLimit, $"{rulePath}.match.headers",
                    $"App Mesh matches at most {MaxHeaders} {headersKey} per route, and this rule has {match.Headers.Length}; drop some conditions");
            }

            if (match.Query.Length > MaxQueryParameters)
            {
                yield return Error(match.Query[MaxQueryParameters].Location, AppMeshDiagnosticCodes.PastAppMeshLimit, $"{rulePath}.match.query",
                    $"App Mesh matches at most {MaxQueryParameters} query parameters per route, and this rule has {match.Query.Length}; drop some conditions");
            }

            foreach (var query in match.Query.Where(q => q.Kind is not (ValueMatchKind.Exact or ValueMatchKind.Present)))
            {
                yield return Error(query.Location, AppMeshDiagnosticCodes.AppMeshCannotCarry, $"{rulePath}.match.query.{query.Name}",
                    $"App Mesh matches a query parameter exactly or by its presence, not by {query.Kind.Name()}; use exact or present, or match a header");
            }
        }
    }

    private static IEnumerable<Diagnostic> Listener(MeshModel model, MeshService service)
    {
        if (service.Listener is not { } listener)
        {
            yield break;
        }

        var path = $"services.{service.Name}.x-mesh";
        if (listener.HealthCheck is { } check)
        {
            var at = (string key) => model.LocationOf($"{path}.health_check.{key}");
            if (check.Interval < TimeSpan.FromSeconds(5) || check.Interval > TimeSpan.FromSeconds(300))
            {
                yield return Error(at("interval"), AppMeshDiagnosticCodes.PastAppMeshLimit, $"{path}.health_check.interval", $"App Mesh checks every 5s to 300s, not {check.Interval.TotalSeconds}s; choose an interval in that range");
            }

            if (check.Timeout < TimeSpan.FromSeconds(2) || check.Timeout > TimeSpan.FromSeconds(60))
            {
                yield return Error(at("timeout"), AppMeshDiagnosticCodes.PastAppMeshLimit, $"{path}.health_check.timeout", $"App Mesh waits 2s to 60s for a health check, not {check.Timeout.TotalSeconds}s; choose a timeout in that range");
            }

            foreach (var (key, value) in new[] { ("healthy_threshold", check.HealthyThreshold), ("unhealthy_threshold", check.UnhealthyThreshold) })
            {
                if (value < 2)
                {
                    yield return Error(at(key), AppMeshDiagnosticCodes.PastAppMeshLimit, $"{path}.health_check.{key}", $"App Mesh needs 2 to 10, not {value}; use 2 or more");
                }
            }
        }

        if (listener.ConnectionPool is { } pool)
        {
            foreach (var diagnostic in ConnectionPool(model, $"{path}.connection_pool", listener.Protocol, pool))
            {
                yield return diagnostic;
            }
        }
    }

    /// <summary>App Mesh pools per protocol: http max_connections (+ max_pending_requests), http2/grpc max_requests, tcp max_connections.</summary>
    private static IEnumerable<Diagnostic> ConnectionPool(MeshModel model, string path, MeshProtocol protocol, ConnectionPool pool)
    {
        var http = protocol == MeshProtocol.Http;
        var takes = http ? "max_connections and max_pending_requests" : protocol == MeshProtocol.Tcp ? "max_connections" : "max_requests";
        (string Key, int? Value, bool Allowed)[] fields =
        [
            ("max_connections", pool.MaxConnections, protocol is MeshProtocol.Http or MeshProtocol.Tcp),
            ("max_pending_requests", pool.MaxPendingRequests, http),
            ("max_requests", pool.MaxRequests, protocol is MeshProtocol.Http2 or MeshProtocol.Grpc),
        ];
        foreach (var (key, value, allowed) in fields)
        {
            if (value is not null && !allowed)
            {
                yield return Error(model.LocationOf($"{path}.{key}"), AppMeshDiagnosticCodes.AppMeshCannotCarry, $"{path}.{key}",
                    $"App Mesh's {protocol.Name()} connection pool has {takes}, not {key}; remove it or use {takes}");
            }
        }

        var required = http || protocol == MeshProtocol.Tcp ? pool.MaxConnections : pool.MaxRequests;
        var requiredKey = http || protocol == MeshProtocol.Tcp ? "max_connections" : "max_requests";
        if (required is null)
        {
            yield return Error(pool.Location, AppMeshDiagnosticCodes.AppMeshCannotCarry, path, $"App Mesh's {protocol.Name()} connection pool needs {requiredKey}; add it, such as {requiredKey}: 100");
        }
    }

    /// <summary>The virtual gateway listens HTTP/1.1 behind the load balancer and has no tcp gateway routes.</summary>
    private static IEnumerable<Diagnostic> Gateway(MeshModel model)
    {
        if (model.Gateway is not { } gateway)
        {
            yield break;
        }

        for (var i = 0; i < gateway.Routes.Length; i++)
        {
            var route = gateway.Routes[i];
            var at = model.LocationOf($"x-mesh.gateway.routes[{i}].to");
            if (route.Protocol == MeshProtocol.Tcp)
            {
                yield return Error(at.IsKnown ? at : route.Location, AppMeshDiagnosticCodes.AppMeshCannotCarry, $"x-mesh.gateway.routes[{i}].to",
                    $"{route.To} speaks tcp, and an App Mesh virtual gateway routes only http, http2 and grpc; publish {route.To}'s port instead (ports: [\"{route.Port}:{route.Port}\"]) and drop this gateway route");
            }
            else if (route.Protocol == MeshProtocol.Grpc)
            {
                yield return Error(at.IsKnown ? at : route.Location, AppMeshDiagnosticCodes.AppMeshCannotCarry, $"x-mesh.gateway.routes[{i}].to",
                    $"{route.To} speaks grpc, which needs HTTP/2 end to end, and the gateway's load balancer forwards HTTP/1.1; send the gateway to an http service that calls {route.To}");
            }
        }
    }

    /// <summary>Names the backend takes for itself, and logical IDs routes and services would share.</summary>
    private static IEnumerable<Diagnostic> Names(MeshModel model)
    {
        var services = model.Services.Select(s => (s.Name, s.Location)).Concat(model.PlainServices.Select(s => (s.Name, s.Location))).ToList();
        if (model.Gateway is { } gateway)
        {
            var gatewayPart = LogicalIds.Part(AppMeshNames.GatewayService);
            foreach (var (name, location) in services.Where(s => s.Name == AppMeshNames.GatewayService || LogicalIds.Part(s.Name) == gatewayPart))
            {
                yield return Error(location, EcsDiagnosticCodes.NameCollision, $"services.{name}",
                    $"with x-mesh.gateway, the App Mesh backend runs the gateway as the ECS service \"{AppMeshNames.GatewayService}\", which this service's resources would collide with; rename the service");
            }
        }

        var parts = services.ToLookup(s => LogicalIds.Part(s.Name), s => s.Name);
        foreach (var route in model.Routes)
        {
            if (parts[LogicalIds.Part(route.Name)].FirstOrDefault(n => n != route.Name) is { } other)
            {
                yield return Error(route.Location, EcsDiagnosticCodes.NameCollision, $"x-mesh.routes.{route.Name}",
                    $"the route and the service \"{other}\" would share CloudFormation logical IDs ({LogicalIds.Part(route.Name)}...); rename one of them");
            }
        }
    }

    private static Diagnostic Error(SourceLocation at, string code, string path, string message) => Diagnostic.Error(at, code, $"{path}: {message}");
}
