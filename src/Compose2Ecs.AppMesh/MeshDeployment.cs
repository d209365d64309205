using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// How a mesh service's ECS deployment runs, and App Mesh's default quotas it can meet:
/// <list type="bullet">
/// <item><c>MaximumPercent</c> 125, the CDK App Mesh extension's value (App Mesh's guidance: replace
/// tasks a few at a time, so the mesh's endpoints change gradually). ECS rounds the maximum down, so
/// below 4 tasks 125% would leave no room for a new task next to the old ones and, with
/// <c>MinimumHealthyPercent</c> 100, stall the deployment: there it is raised to the least percent that
/// starts one more task (1 task: 200, 2: 150, 3: 134).</item>
/// <item>Every task's Envoy connects to App Mesh as its virtual node; the default quota is 50 connected
/// Envoys per virtual node, old and new tasks of a deployment counted together (C2E4006).</item>
/// <item>A virtual node has at most 50 backends by default; with the short and long name of each
/// http upstream a node reaches that with 25 upstreams (C2E4005).</item>
/// </list>
/// </summary>
public static class MeshDeployment
{
    public const int MaximumPercent = 125;

    public const int EnvoysPerVirtualNode = 50;

    public const int BackendsPerVirtualNode = 50;

    public static int MaximumPercentFor(int desiredCount) =>
        desiredCount <= 0 ? MaximumPercent : Math.Max(MaximumPercent, (int)Math.Ceiling(100.0 * (desiredCount + 1) / desiredCount));

    public static ServicePlan Apply(ServicePlan plan) =>
        plan with { EcsService = plan.EcsService with { MaximumPercent = MaximumPercentFor(plan.EcsService.DesiredCount) } };

    /// <summary>The most tasks (so Envoys) of the service during a deployment: ECS rounds the maximum down.</summary>
    public static int PeakTasks(EcsServicePlan ecs) => ecs.DesiredCount * ecs.MaximumPercent / 100;

    public static IEnumerable<Diagnostic> Warnings(ServicePlan plan, int backends)
    {
        var peak = PeakTasks(plan.EcsService);
        if (peak > EnvoysPerVirtualNode)
        {
            yield return Diagnostic.Warning(plan.Location, AppMeshDiagnosticCodes.EnvoysPerVirtualNode,
                $"services.{plan.Name}: {plan.EcsService.DesiredCount} replicas run up to {peak} Envoys on one virtual node during a deployment (MaximumPercent {plan.EcsService.MaximumPercent}), and App Mesh's default quota is {EnvoysPerVirtualNode} connected Envoys per virtual node: ask for a higher quota (Service Quotas, App Mesh) before deploying, or run fewer replicas");
        }

        if (backends > BackendsPerVirtualNode)
        {
            yield return Diagnostic.Warning(plan.Location, AppMeshDiagnosticCodes.BackendsPerVirtualNode,
                $"services.{plan.Name}: its virtual node lists {backends} backends (the short and the long name of each http, http2 or grpc upstream), and App Mesh's default quota is {BackendsPerVirtualNode} per virtual node: ask for a higher quota (Service Quotas, App Mesh) before deploying, or call fewer services from it");
        }
    }
}
