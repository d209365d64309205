using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// A route → its virtual router (one listener: the route's protocol and port), one App Mesh route
/// per rule (priority = rule order), the virtual services <c>&lt;route&gt;.&lt;namespace&gt;</c> and (http,
/// http2, grpc) <c>&lt;route&gt;</c> the router provides, and a Cloud Map service <c>&lt;route&gt;</c> with one
/// instance at 169.254.255.254, so that both names resolve (the short one through the search domain): the caller's Envoy intercepts the connection and routes it, whatever the address.
/// Routes belong to no single service: they live with the shared resources.
/// </summary>
public static class RouteResources
{
    /// <summary>A link-local address no task has: only there to be intercepted.</summary>
    public const string PlaceholderAddress = "169.254.255.254";

    public static IEnumerable<TemplateResource> Build(AppMeshNames names, MeshRoute route, CfnValue namespaceId)
    {
        var routerId = AppMeshNames.VirtualRouterId(route.Name);
        yield return new TemplateResource(routerId, "AWS::AppMesh::VirtualRouter", names.Start()
            .Add("VirtualRouterName", names.VirtualRouter(route.Name))
            .Add("Spec", new CfnMapBuilder()
                .AddList("Listeners", [new CfnMapBuilder().Add("PortMapping", AppMeshValues.PortMapping(route.Port, route.Protocol)).Build()])
                .Build())
            .Build());

        foreach (var rule in route.Rules)
        {
            yield return new TemplateResource(AppMeshNames.RouteId(route.Name, rule.Number), "AWS::AppMesh::Route", names.Start()
                .Add("VirtualRouterName", CfnValue.GetAtt(routerId, "VirtualRouterName"))
                .Add("RouteName", AppMeshNames.RouteName(route.Name, rule.Number))
                .Add("Spec", RouteSpecs.Build(route, rule))
                .Build());
        }

        var provider = new CfnMapBuilder().Add("Provider", new CfnMapBuilder()
            .Add("VirtualRouter", new CfnMapBuilder().Add("VirtualRouterName", CfnValue.GetAtt(routerId, "VirtualRouterName")).Build())
            .Build()).Build();
        yield return new TemplateResource(AppMeshNames.VirtualServiceId(route.Name), "AWS::AppMesh::VirtualService", names.Start()
            .Add("VirtualServiceName", names.VirtualService(route.Name))
            .Add("Spec", provider)
            .Build());
        if (AppMeshNames.HasShortName(route.Protocol))
        {
            yield return new TemplateResource(AppMeshNames.ShortVirtualServiceId(route.Name), "AWS::AppMesh::VirtualService", names.Start()
                .Add("VirtualServiceName", route.Name)
                .Add("Spec", provider)
                .Build());
        }

        var discoveryId = AppMeshNames.RouteDiscoveryId(route.Name);
        yield return new TemplateResource(discoveryId, "AWS::ServiceDiscovery::Service", new CfnMapBuilder()
            .Add("Name", route.Name)
            .Add("Description", $"{names.Model.ProjectName} route {route.Name}: resolves for App Mesh, which routes the connection")
            .Add("DnsConfig", new CfnMapBuilder()
                .Add("NamespaceId", namespaceId)
                .Add("RoutingPolicy", "MULTIVALUE")
                .AddList("DnsRecords", [new CfnMapBuilder().Add("Type", "A").Add("TTL", 300).Build()])
                .Build())
            .Build());
        yield return new TemplateResource(AppMeshNames.RouteDiscoveryInstanceId(route.Name), "AWS::ServiceDiscovery::Instance", new CfnMapBuilder()
            .Add("ServiceId", CfnValue.Ref(discoveryId))
            .Add("InstanceId", $"{route.Name}-placeholder")
            .Add("InstanceAttributes", new CfnMapBuilder().Add("AWS_INSTANCE_IPV4", PlaceholderAddress).Build())
            .Build());
    }
}
