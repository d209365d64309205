using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// <c>--mesh appmesh</c>: AWS App Mesh on the ECS base. The mesh (or an imported one), a virtual
/// node and virtual service per mesh service, a virtual router with routes per route, an Envoy
/// sidecar with the APPMESH proxy configuration in every mesh task, security-group rules per
/// concrete edge only, the virtual gateway as its own ECS service, and TLS from ACM Private CA.
/// Everything is plan data: the base emits it with its own resources, in one CDK call.
/// </summary>
public sealed class AppMeshBackend : IMeshBackend
{
    public string Name => AppMeshSpec.Name;

    public MeshBackendSpec Spec => AppMeshSpec.Spec;

    public string Description => "AWS App Mesh: virtual nodes, routers and gateway with Envoy sidecars (end of support 2026-09-30; see --mesh service-connect)";

    public IEnumerable<Diagnostic> Check(MeshModel model) => AppMeshChecks.Check(model);

    public EcsPlan Transform(EcsPlan plan, BackendContext context)
    {
        var model = context.Mesh;
        var names = new AppMeshNames(model);
        if (names.CreatesMesh)
        {
            plan = plan.AddResources(new TemplateResource(AppMeshNames.MeshId, "AWS::AppMesh::Mesh", new CfnMapBuilder()
                .Add("MeshName", model.Name)
                .Add("Spec", new CfnMapBuilder()
                    .Add("EgressFilter", new CfnMapBuilder().Add("Type", model.Egress == EgressMode.AllowAll ? "ALLOW_ALL" : "DROP_ALL").Build())
                    .Build())
                .Build()));
        }

        if (model.Settings<AppMeshSettings>().EnvoyImage is null)
        {
            plan = plan.AddMappings(EnvoyImage.Mapping);
        }

        // One pass, gathered and applied once: updating the plan per service copied its services and
        // resources each time (quadratic at thousands of services). Nodes and warnings in compose order.
        var planned = plan.Services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var nodes = new List<TemplateResource>();
        var warnings = new List<Diagnostic>();
        foreach (var service in model.Services)
        {
            if (!planned.TryGetValue(service.Name, out var before))
            {
                continue;
            }

            var after = MeshDeployment.Apply(MeshServiceTasks.Apply(before, service, model));
            planned[service.Name] = after;
            nodes.AddRange(VirtualNodes.Build(names, service, plan.Namespace.Name));
            if (EnvoySizing.Warning(before, after) is { } warning)
            {
                warnings.Add(warning);
            }

            warnings.AddRange(MeshDeployment.Warnings(after, VirtualNodes.Backends(names, service).Count()));
        }

        plan = plan.UpdateServices(s => planned[s.Name]).AddResources(nodes).AddWarnings(warnings);

        // Matched by the short-name virtual service the upstream has.
        plan = LocalListenerAddresses.Rewrite(plan, model, context.Project, name => name, AppMeshDiagnosticCodes.LocalhostAddress,
            "which App Mesh does not have: its Envoy takes calls to the upstream's name").AddWarnings([.. ShortNames.Warnings(model, plan)]);

        plan = plan.AddResources(model.Routes.SelectMany(route => RouteResources.Build(names, route, plan.Namespace.Id)).ToList());

        plan = plan.AddIngress(MeshIngress.Rules(model, plan));
        return model.Gateway is { } gateway ? GatewayPlanner.Apply(plan, names, gateway) : plan;
    }
}
