using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// Without a mesh, a route (spec §3) is a DNS name of its targets, so that apps that call
/// <c>api:8080</c> still reach an <c>api-v1</c> or <c>api-v2</c>: a Cloud Map service
/// <c>&lt;route&gt;</c> with a CNAME instance per target (<c>api-v1.shop.local</c>). Cloud Map
/// answers a lookup of a CNAME service with one instance at random (its WEIGHTED routing policy
/// with equal weights), so the targets share the traffic evenly; weights, match rules, retries
/// and timeouts need a proxy, and each route that has them is a warning that says so.
/// </summary>
public static class RouteAliases
{
    public static IEnumerable<TemplateResource> Build(MeshRoute route, EcsPlan plan)
    {
        var discoveryId = LogicalIds.For(route.Name, "RouteDiscovery");
        yield return new TemplateResource(discoveryId, "AWS::ServiceDiscovery::Service", new CfnMapBuilder()
            .Add("Name", route.Name)
            .Add("Description", AwsNames.Fit($"{plan.ProjectName} route {route.Name}: a DNS name of its targets", 1024))
            .Add("DnsConfig", new CfnMapBuilder()
                .Add("NamespaceId", plan.Namespace.Id)
                .Add("RoutingPolicy", "WEIGHTED")
                .AddList("DnsRecords", [new CfnMapBuilder().Add("Type", "CNAME").Add("TTL", 10).Build()])
                .Build())
            .Build());

        foreach (var target in Targets(route))
        {
            if (plan.FindService(target)?.Discovery is not { } discovery)
            {
                continue;
            }

            yield return new TemplateResource(LogicalIds.For(route.Name, $"RouteTo{LogicalIds.Part(target)}"), "AWS::ServiceDiscovery::Instance", new CfnMapBuilder()
                .Add("ServiceId", CfnValue.Ref(discoveryId))
                .Add("InstanceId", target)
                .Add("InstanceAttributes", new CfnMapBuilder().Add("AWS_INSTANCE_CNAME", $"{discovery.Name}.{plan.Namespace.Name}").Build())
                .Build());
        }
    }

    /// <summary>The services that receive some of the route's traffic (weight above 0), distinct, sorted.</summary>
    public static IEnumerable<string> Targets(MeshRoute route) =>
        route.Rules.SelectMany(r => r.Targets).Where(t => t.Weight > 0).Select(t => t.Service).Distinct().Order(StringComparer.Ordinal);

    /// <summary>What a plain DNS name cannot do that the route asks for: one warning per route, at the route.</summary>
    public static IEnumerable<Diagnostic> Check(MeshModel model)
    {
        foreach (var route in model.Routes)
        {
            var lost = new List<string>();
            if (route.Rules.Length > 1 || route.Rules.Any(r => r.Match is not null))
            {
                lost.Add("match rules");
            }

            if (route.Rules.SelectMany(r => r.Targets).Where(t => t.Weight > 0).Select(t => t.Weight).Distinct().Count() > 1)
            {
                lost.Add("weights");
            }

            if (route.Rules.Any(r => r.Retries is not null || r.Timeout is not null))
            {
                lost.Add("retries and timeouts");
            }

            if (lost.Count > 0)
            {
                yield return Diagnostic.Warning(route.Location, EcsDiagnosticCodes.RouteWithoutProxy,
                    $"x-mesh.routes.{route.Name}: without a mesh the route is a DNS name of its targets ({string.Join(", ", Targets(route))}), each lookup answered with one of them at random; its {string.Join(" and ", lost)} need a proxy: choose a mesh backend with --mesh (compose2ecs backends lists them) to apply them");
            }

            foreach (var target in Targets(route))
            {
                if (model.FindService(target)?.Listener is { } listener && listener.Port != route.Port)
                {
                    yield return Diagnostic.Warning(route.PortLocation, EcsDiagnosticCodes.RoutePortDiffers,
                        $"x-mesh.routes.{route.Name}: callers dial port {route.Port}, but target {target} listens on {listener.Port}; without a mesh nothing translates the port: make them equal, or choose a mesh backend");
                }
            }
        }
    }
}
