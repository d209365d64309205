using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// What Service Connect cannot express in a mesh model that passed the neutral checks, each at
/// the key it is about. Errors: traffic rules (a route that is more than one unconditional
/// target), TLS <c>permissive</c>, <c>connection_pool</c>, names ECS would reject or that would
/// collide in the namespace, and gateway routes an ALB cannot forward. Warnings: settings whose
/// intent Service Connect keeps on its own terms (<c>health_check</c>, <c>outlier_detection</c>,
/// <c>egress: drop_all</c>, timeouts rounded to whole seconds). docs/service-connect.md says why.
/// </summary>
public static class ServiceConnectChecks
{
    private const string Alternatives =
        "keep one rule with no match and one target (the route then becomes the client alias \"{0}\"), keep weighted or conditional routing on a load balancer, or stay on --mesh appmesh until this route is migrated";

    public static IEnumerable<Diagnostic> Check(MeshModel model)
    {
        var found = new List<Diagnostic>();
        foreach (var route in model.Routes)
        {
            found.AddRange(Route(model, route));
        }

        found.AddRange(Services(model));
        found.AddRange(Tls(model));
        found.AddRange(PlainCallersOfTls(model));
        found.AddRange(Egress(model));
        found.AddRange(Names(model));
        found.AddRange(Gateway(model));
        return found;
    }

    /// <summary>One error per rule feature Service Connect has no equivalent for, at that feature's key.</summary>
    public static IEnumerable<Diagnostic> Route(MeshModel model, MeshRoute route)
    {
        if (route.IsSingleUnconditionalTarget && route.Rules[0].Retries is null && route.Rules[0].Timeout is null)
        {
            yield break;
        }

        var why = "Service Connect has no traffic rules: a name sends all of its traffic to one service";
        var then = string.Format(System.Globalization.CultureInfo.InvariantCulture, Alternatives, route.Name);
        foreach (var rule in route.Rules)
        {
            var path = $"x-mesh.routes.{route.Name}.rules[{rule.Index}]";
            var which = $"route {route.Name}, rule {rule.Number}";
            if (rule.Match is { } match)
            {
                yield return Diagnostic.Error(match.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                    $"{path}.match: {which} matches requests ({Describe(match)}), and {why}, so it cannot choose a target by request; {then}");
            }

            var weighted = rule.Targets.Where(t => t.Weight > 0).ToList();
            if (weighted.Count > 1)
            {
                var split = string.Join(", ", weighted.Select(t => $"{t.Service}: {t.Weight}"));
                yield return Diagnostic.Error(model.LocationOf($"{path}.targets") is { IsKnown: true } at ? at : rule.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                    $"{path}.targets: {which} splits traffic by weight ({split}), and {why}, so it cannot split it; {then}");
            }

            if (rule.Retries is { } retries)
            {
                yield return Diagnostic.Error(retries.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                    $"{path}.retries: {which} retries failed requests ({retries.Attempts} attempts), and Service Connect has no retry policy to set: its proxy retries on its own terms; remove retries, or stay on --mesh appmesh until this route is migrated");
            }

            if (rule.Timeout is { } timeout)
            {
                var targets = string.Join(", ", rule.Targets.Select(t => $"services.{t.Service}.x-mesh.timeout.per_request"));
                yield return Diagnostic.Error(rule.TimeoutLocation.IsKnown ? rule.TimeoutLocation : rule.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                    $"{path}.timeout: {which} sets a per-request timeout of {Seconds(timeout)}, and Service Connect sets timeouts per service, not per route; move it to {targets}");
            }
        }
    }

    private static IEnumerable<Diagnostic> Services(MeshModel model)
    {
        foreach (var service in model.Services)
        {
            if (service.Listener is not { } listener)
            {
                continue;
            }

            var path = $"services.{service.Name}.x-mesh";
            if (listener.ConnectionPool is { } pool)
            {
                yield return Diagnostic.Error(pool.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                    $"{path}.connection_pool: Service Connect's proxy has no connection limits to set, so this protection would be lost; remove connection_pool, or use --mesh appmesh or consul, which enforce it");
            }

            if (listener.OutlierDetection is { } outlier)
            {
                yield return Diagnostic.Warning(outlier.Location, ServiceConnectDiagnosticCodes.NotTunable,
                    $"{path}.outlier_detection: Service Connect's proxy always applies its own outlier detection, which cannot be tuned; these values are not used");
            }

            if (listener.HealthCheck is { } check)
            {
                var gateway = model.Gateway is { } g && GatewayTargets(model, g).Contains(service.Name)
                    ? " (the gateway's load balancer checks the listener with it)"
                    : "";
                yield return Diagnostic.Warning(check.Location, ServiceConnectDiagnosticCodes.NotTunable,
                    $"{path}.health_check: Service Connect's proxy has no health check to configure: ECS replaces tasks whose container health check (compose healthcheck) fails, and the proxy's outlier detection stops sending to hosts that keep failing{gateway}");
            }

            if (listener.Timeout is { } timeout)
            {
                foreach (var (value, at, key) in new[] { (timeout.PerRequest, timeout.PerRequestLocation, "per_request"), (timeout.Idle, timeout.IdleLocation, "idle") })
                {
                    if (value is { } v && v.Ticks % TimeSpan.TicksPerSecond != 0)
                    {
                        yield return Diagnostic.Warning(at.IsKnown ? at : timeout.Location, ServiceConnectDiagnosticCodes.TimeoutRounded,
                            $"{path}.timeout.{key}: Service Connect takes whole seconds; {v.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s is rounded up to {WholeSeconds(v)}s");
                    }
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> Tls(MeshModel model)
    {
        if (model.Tls.Mode == TlsMode.Permissive)
        {
            yield return Diagnostic.Error(model.Tls.ModeLocation.IsKnown ? model.Tls.ModeLocation : model.Tls.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                "x-mesh.tls.mode: Service Connect TLS is all or nothing for a service: it has no permissive mode that also accepts plaintext; use strict (with acm_pca_arn), or disabled");
        }
    }

    /// <summary>
    /// With TLS, an endpoint's proxy accepts only TLS from other Service Connect proxies; a service with
    /// <c>x-mesh: false</c> has no proxy, so its plaintext connection fails (while its security group would
    /// be opened anyway). One error per such caller, at its <c>x-mesh: false</c>, naming what it calls.
    /// </summary>
    private static IEnumerable<Diagnostic> PlainCallersOfTls(MeshModel model)
    {
        if (!model.Tls.IsEnabled)
        {
            yield break;
        }

        foreach (var plain in model.PlainServices.Where(p => p.Reason == PlainReason.OptedOut))
        {
            var called = model.ConcreteEdges.Where(e => e.Caller == plain.Name && model.FindService(e.Target)?.Listener is not null)
                .Select(e => e.Target).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (called.Count == 0)
            {
                continue;
            }

            yield return Diagnostic.Error(plain.OptOutLocation.IsKnown ? plain.OptOutLocation : plain.Location, ServiceConnectDiagnosticCodes.PlainCallerOfTls,
                $"services.{plain.Name}.x-mesh: {plain.Name} is not in the mesh (x-mesh: false) but calls {string.Join(", ", called)}, whose Service Connect endpoint accepts only TLS from Service Connect proxies (x-mesh.tls.mode: strict), so its plaintext connections would fail; remove x-mesh: false (it then becomes a Service Connect client and its proxy speaks TLS), or stop calling {(called.Count == 1 ? "it" : "them")} (depends_on, upstreams)");
        }
    }

    private static IEnumerable<Diagnostic> Egress(MeshModel model)
    {
        if (model.Egress == EgressMode.DropAll && model.EgressLocation.IsKnown)
        {
            yield return Diagnostic.Warning(model.EgressLocation, ServiceConnectDiagnosticCodes.NoEgressFilter,
                "x-mesh.egress: Service Connect has no egress filter: drop_all holds between the application's services through their security groups (each accepts only its callers, on its listener port), but calls that leave the application are not filtered");
        }
    }

    /// <summary>Names ECS would reject, and Cloud Map services or client aliases that would collide in the namespace.</summary>
    private static IEnumerable<Diagnostic> Names(MeshModel model)
    {
        var cloudMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in ServiceConnectNames.BaseDnsNames(model))
        {
            cloudMap.TryAdd(name, $"the DNS name of service {name}");
        }

        var aliases = new Dictionary<(string, int), string>();
        foreach (var (name, port, location, kind) in Endpoints(model))
        {
            // Each endpoint twice: the short alias, and <name>.<namespace> with its own Cloud Map service.
            var forms = new[] { (ServiceConnectNames.Discovery(name), ServiceConnectNames.Alias(name)), (ServiceConnectNames.NamespacedDiscovery(name), ServiceConnectNames.NamespacedAlias(name, model.Namespace)) };
            foreach (var (discovery, alias) in forms)
            {
                if (alias is null)
                {
                    continue;
                }

                if (!cloudMap.TryAdd(discovery, $"the Service Connect name of {kind} {name}"))
                {
                    yield return Diagnostic.Error(location, EcsDiagnosticCodes.NameCollision,
                        $"{Path(kind, name)}: Service Connect would register {kind} {name} in Cloud Map as \"{discovery}\", which is already {cloudMap[discovery]}; rename one of them");
                }

                if (!aliases.TryAdd((alias, port), $"{kind} {name}"))
                {
                    yield return Diagnostic.Error(location, EcsDiagnosticCodes.NameCollision,
                        $"{Path(kind, name)}: the client alias {alias}:{port} is already that of {aliases[(alias, port)]}, and Service Connect needs each name and port to be unique in the namespace; rename one of them");
                }
            }
        }

        static string Path(string kind, string name) => kind == "route" ? $"x-mesh.routes.{name}" : $"services.{name}";
    }

    /// <summary>Every Service Connect endpoint: each listening mesh service, and each route that becomes a client alias.</summary>
    public static IEnumerable<(string Name, int Port, SourceLocation Location, string Kind)> Endpoints(MeshModel model) =>
        model.Services.Where(s => s.Listener is not null).Select(s => (s.Name, s.Listener!.Port, s.Location, "service"))
            .Concat(model.Routes.Where(r => r.IsSingleUnconditionalTarget).Select(r => (r.Name, r.Port, r.Location, "route")));

    private static IEnumerable<Diagnostic> Gateway(MeshModel model)
    {
        if (model.Gateway is not { LoadBalancer: GatewayLoadBalancer.Alb, CertificateArn: null } gateway)
        {
            yield break;
        }

        for (var i = 0; i < gateway.Routes.Length; i++)
        {
            var route = gateway.Routes[i];
            if (route.Protocol is MeshProtocol.Grpc or MeshProtocol.Http2)
            {
                yield return Diagnostic.Error(route.Location, ServiceConnectDiagnosticCodes.ServiceConnectCannotCarry,
                    $"x-mesh.gateway.routes[{i}]: {route.To} speaks {route.Protocol.Name()}, which an application load balancer forwards only from an HTTPS listener; set x-mesh.gateway.certificate_arn, or send the gateway to an http service");
            }
        }
    }

    /// <summary>The services a gateway sends requests to: each route's service, or a single-target route's target.</summary>
    public static IEnumerable<string> GatewayTargets(MeshModel model, MeshGateway gateway) =>
        gateway.Routes.Select(r => GatewayTarget(model, r)).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The one service a gateway route reaches: the service it names, or the target of a route that is one
    /// unconditional target. Null for any other route (the route's own error says why).
    /// </summary>
    public static string? GatewayTarget(MeshModel model, GatewayRoute route) =>
        route.ToKind == UpstreamKind.Service
            ? route.To
            : model.FindRoute(route.To) is { IsSingleUnconditionalTarget: true } r ? SingleTarget(r) : null;

    /// <summary>The target of a route that is one unconditional target.</summary>
    public static string SingleTarget(MeshRoute route) => route.Rules[0].Targets.First(t => t.Weight > 0).Service;

    /// <summary>Seconds for Service Connect, rounded up.</summary>
    public static long WholeSeconds(TimeSpan value) => (long)Math.Ceiling(value.TotalSeconds);

    private static string Seconds(TimeSpan value) => $"{value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s";

    private static string Describe(RouteMatch match)
    {
        var parts = new List<string>();
        if (match.Path is { } p)
        {
            parts.Add($"{p.Kind.Name()} {p.Value}");
        }

        if (match.Method is { } method)
        {
            parts.Add($"method {method}");
        }

        if (!match.Headers.IsEmpty)
        {
            parts.Add($"headers {string.Join(", ", match.Headers.Select(h => h.Name))}");
        }

        if (!match.Query.IsEmpty)
        {
            parts.Add($"query {string.Join(", ", match.Query.Select(q => q.Name))}");
        }

        if (match.GrpcService is { } service)
        {
            parts.Add(match.GrpcMethod is { } m ? $"grpc {service}/{m}" : $"grpc_service {service}");
        }

        return parts.Count == 0 ? "a condition" : string.Join("; ", parts);
    }
}
