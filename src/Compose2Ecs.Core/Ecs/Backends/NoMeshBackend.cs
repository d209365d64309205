using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// <c>--mesh none</c>: plain ECS services. Services find each other through Cloud Map DNS, and
/// a service accepts connections only from the services that call it: those that depend_on it
/// (on its container ports) and those that name it, or a route to it, as an x-mesh upstream (on
/// its listener). A route is a DNS name of its targets (<see cref="RouteAliases"/>), so a file
/// written for a mesh still runs without one, minus what only a proxy can do (said as warnings).
/// </summary>
public sealed class NoMeshBackend : IMeshBackend
{
    public string Name => "none";

    public string Description => "plain ECS services with Cloud Map DNS; each service accepts traffic from the services that depend on it or call it";

    /// <summary>Without a mesh, only the settings the ECS base reads matter; the rest is said, not dropped.</summary>
    private static readonly IgnoredKeys.Rule[] Ignored =
    [
        new("x-mesh.gateway", "plain ECS has no mesh gateway; published ports get their own load balancers"),
        new("x-mesh.tls", "plain ECS does not encrypt service-to-service traffic"),
        new("x-mesh.egress", "plain ECS does not filter egress"),
        new("services.*.x-mesh.health_check", "plain ECS uses the container health check"),
        new("services.*.x-mesh.timeout", "plain ECS has no proxy to time requests out"),
        new("services.*.x-mesh.outlier_detection", "plain ECS has no proxy to eject hosts"),
        new("services.*.x-mesh.connection_pool", "plain ECS has no proxy to limit connections"),
    ];

    public IEnumerable<Diagnostic> Check(MeshModel model) => IgnoredKeys.Warn(model, Name, Ignored).Concat(RouteAliases.Check(model));

    public EcsPlan Transform(EcsPlan plan, BackendContext context)
    {
        // depends_on rules cover runs of ports; an edge's one-port rule inside such a run would open it twice.
        var fromDependsOn = IngressRules.FromDependsOn(plan);
        var runs = fromDependsOn.ToLookup(r => (r.Target, r.Source));
        var rules = fromDependsOn.Concat(EdgeIngress.Rules(context.Mesh, plan).Where(edge => !runs[(edge.Target, edge.Source)].Any(run => Covers(run, edge))))
            .DistinctBy(r => r.LogicalId);
        return plan.AddIngress([.. rules])
            .AddResources(context.Mesh.Routes.SelectMany(route => RouteAliases.Build(route, plan)));
    }

    private static bool Covers(IngressRulePlan run, IngressRulePlan rule) =>
        run.Target == rule.Target && run.Source == rule.Source && run.Protocol == rule.Protocol && run.FromPort <= rule.FromPort && rule.ToPort <= run.ToPort;
}
