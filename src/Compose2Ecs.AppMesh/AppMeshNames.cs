using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// Names and logical IDs of the App Mesh resources. Every ID derives from a compose name (a
/// service, a route, a gateway prefix), so adding or removing one never renames another's.
/// </summary>
public sealed class AppMeshNames(MeshModel model)
{
    /// <summary>The ECS service that runs the virtual gateway's Envoy. A compose service of that name is an error.</summary>
    public const string GatewayService = "appmesh-gateway";

    public const string MeshId = "Mesh";

    public MeshModel Model => model;

    /// <summary>Whether the stack creates the mesh (false: <c>appmesh.existing</c>).</summary>
    public bool CreatesMesh => !model.Settings<AppMeshSettings>().Existing;

    /// <summary><c>MeshName</c> of every App Mesh resource: read from the created mesh (so resources wait for it), or the imported mesh's name.</summary>
    public CfnValue MeshName => CreatesMesh ? CfnValue.GetAtt(MeshId, "MeshName") : CfnValue.Of(model.Name);

    public string? MeshOwner => model.Settings<AppMeshSettings>().MeshOwner;

    /// <summary>
    /// The virtual node of a service is named after it; in an imported (shared) mesh after the
    /// project and it, so that two projects' <c>web</c> do not collide.
    /// </summary>
    public string VirtualNode(string service) => Scoped(service);

    /// <summary>The virtual router of a route: named like a node (routes and services share no names).</summary>
    public string VirtualRouter(string route) => Scoped(route);

    private string Scoped(string name) => CreatesMesh ? name : $"{model.ProjectName}-{name}";

    public static string VirtualNodeId(string service) => LogicalIds.For(service, "VirtualNode");

    public static string VirtualServiceId(string serviceOrRoute) => LogicalIds.For(serviceOrRoute, "VirtualService");

    public static string CertificateId(string service) => LogicalIds.For(service, "Certificate");

    public static string VirtualRouterId(string route) => LogicalIds.For(route, "VirtualRouter");

    /// <summary>The route of a rule, by its 1-based number: rules are ordered, and the order is the priority.</summary>
    public static string RouteId(string route, int number) => LogicalIds.For(route, $"Route{number}");

    public static string RouteName(string route, int number) => $"{route}-{number}";

    /// <summary>The Cloud Map service that makes <c>&lt;route&gt;.&lt;namespace&gt;</c> resolve.</summary>
    public static string RouteDiscoveryId(string route) => LogicalIds.For(route, "Discovery");

    public static string RouteDiscoveryInstanceId(string route) => LogicalIds.For(route, "DiscoveryInstance");

    public static string VirtualGatewayId => LogicalIds.For(GatewayService, "VirtualGateway");

    /// <summary>A gateway route, by a hash of its prefix (prefixes are unique): reordering routes renames nothing.</summary>
    public static string GatewayRouteId(string prefix) => LogicalIds.For(GatewayService, $"GatewayRoute{LogicalIds.Hash(prefix)}");

    public string VirtualGateway => $"{model.ProjectName}-gateway";

    public static string GatewayRouteName(GatewayRoute route) => $"{route.To}-{LogicalIds.Hash(route.PathPrefix)}";

    /// <summary><c>&lt;name&gt;.&lt;namespace&gt;</c>: a virtual service's name is the DNS name callers use.</summary>
    public string VirtualService(string serviceOrRoute) => model.DnsName(serviceOrRoute);

    /// <summary>
    /// The virtual service of the short name <c>&lt;name&gt;</c>, what compose apps dial (<c>http://api:8080</c>).
    /// Envoy matches HTTP by the Host header against its backends' virtual service names, exactly, so
    /// <c>api</c> needs a virtual service of its own next to <c>api.&lt;namespace&gt;</c>; the name resolves
    /// through the VPC's search domain to the same Cloud Map records (spec §2, "The names apps use").
    /// Its logical ID is its own, so the long form keeps its ID and nothing that references it moves.
    /// </summary>
    public static string ShortVirtualServiceId(string serviceOrRoute) => LogicalIds.For(serviceOrRoute, "ShortVirtualService");

    /// <summary>
    /// Whether callers of an upstream of this protocol need the short-name virtual service: Envoy tells
    /// HTTP, HTTP/2 and gRPC backends apart by Host, and tcp backends by port only (a second tcp
    /// backend on the port would be the ambiguity of aws-app-mesh-roadmap#195), so tcp keeps one.
    /// </summary>
    public static bool HasShortName(MeshProtocol protocol) => protocol != MeshProtocol.Tcp;

    /// <summary>The virtual service names a caller's node lists for one upstream: the long (namespace) form first, as ComposeX and the App Mesh examples name backends, then the short alias (tcp: the long one only).</summary>
    public IEnumerable<string> BackendNames(string upstream, MeshProtocol protocol) =>
        HasShortName(protocol) ? [VirtualService(upstream), upstream] : [VirtualService(upstream)];

    /// <summary>Mesh name and owner, the first properties of every App Mesh resource.</summary>
    public CfnMapBuilder Start() => new CfnMapBuilder().Add("MeshName", MeshName).Add("MeshOwner", MeshOwner);

}
