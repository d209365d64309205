using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// <c>--mesh none</c>: plain ECS services. Services find each other through Cloud Map DNS, and
/// a service accepts connections only from the services that depend_on it, on its container
/// ports (the mesh backends replace these rules with their own edges).
/// </summary>
public sealed class NoMeshBackend : IMeshBackend
{
    public string Name => "none";

    public string Description => "plain ECS services with Cloud Map DNS; each service accepts traffic from the services that depend on it";

    /// <summary>Without a mesh, only the settings the ECS base reads matter; the rest is said, not dropped.</summary>
    private static readonly IgnoredKeys.Rule[] Ignored =
    [
        new("x-mesh.routes", "plain ECS has no traffic rules; choose a mesh backend (--mesh appmesh|consul|service-connect) for routes"),
        new("x-mesh.gateway", "plain ECS has no mesh gateway; published ports get their own load balancers"),
        new("x-mesh.tls", "plain ECS does not encrypt service-to-service traffic"),
        new("x-mesh.egress", "plain ECS does not filter egress"),
        new("services.*.x-mesh.upstreams", "plain ECS opens security groups from depends_on; add the callers to depends_on"),
        new("services.*.x-mesh.health_check", "plain ECS uses the container health check"),
        new("services.*.x-mesh.timeout", "plain ECS has no proxy to time requests out"),
        new("services.*.x-mesh.outlier_detection", "plain ECS has no proxy to eject hosts"),
        new("services.*.x-mesh.connection_pool", "plain ECS has no proxy to limit connections"),
    ];

    public IEnumerable<Diagnostic> Check(MeshModel model) => IgnoredKeys.Warn(model, Name, Ignored);

    public EcsPlan Transform(EcsPlan plan, BackendContext context) => plan.AddIngress(IngressRules.FromDependsOn(plan));
}
