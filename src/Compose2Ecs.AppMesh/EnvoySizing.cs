using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// How much of the task Envoy reserves. On Fargate the containers' CPU reservations must fit in
/// the task's CPU, so a fixed 64 units on top of an app that reserves the whole size (<c>cpus: 0.5</c>)
/// would double the task. Like the CDK's App Mesh extension, Envoy then reserves no CPU of its own
/// and shares the task's (a reservation is a share, not a cap); it reserves its 64 units only when
/// the size the app needs has room for them, or when <c>appmesh.envoy.cpu</c> is written. Its memory
/// reservation always counts. A warning says when the sidecar still moves the task to a bigger size.
/// </summary>
public static class EnvoySizing
{
    public const string CpuKey = "x-mesh.appmesh.envoy.cpu";

    /// <summary>Envoy's CPU reservation in a task with these app containers; null: none (it shares the task's).</summary>
    public static int? Cpu(MeshModel model, IEnumerable<ContainerPlan> appContainers)
    {
        var settings = model.Settings<AppMeshSettings>();
        if (model.KeyLocations.ContainsKey(CpuKey))
        {
            return settings.EnvoyCpu;
        }

        var (cpu, memory) = Sum(appContainers);
        return FargateSizer.Smallest(cpu, memory + settings.EnvoyMemory) is { } size && size.Cpu - cpu >= settings.EnvoyCpu
            ? settings.EnvoyCpu
            : null;
    }

    /// <summary>A warning when the task with Envoy needs a bigger Fargate size than its app containers alone.</summary>
    public static Diagnostic? Warning(ServicePlan before, ServicePlan after)
    {
        var alone = Size(before.TaskDefinition.Containers);
        var with = Size(after.TaskDefinition.Containers);
        if (alone is null || with is null || alone == with)
        {
            return null;
        }

        var envoy = after.TaskDefinition.Containers.First(c => c.Name == EnvoySidecar.ContainerName);
        var xray = after.TaskDefinition.Containers.FirstOrDefault(c => c.Name == EnvoyTelemetry.XRayContainerName);
        var daemon = xray is null ? "" : $" with the X-Ray daemon ({xray.MemoryReservationMiB} MiB reserved)";
        return Diagnostic.Warning(before.Location, AppMeshDiagnosticCodes.EnvoySize,
            $"services.{before.Name}: the Envoy sidecar ({(envoy.Cpu is { } cpu ? $"{cpu} CPU units" : "no CPU of its own")}, {envoy.MemoryReservationMiB} MiB reserved){daemon} moves this task from {Describe(alone)} to {Describe(with)} on Fargate; lower x-mesh.appmesh.envoy{(xray is null ? "" : " (or turn off appmesh.tracing)")} or the service's deploy.resources to stay at {Describe(alone)}");
    }

    private static TaskSize? Size(IEnumerable<ContainerPlan> containers)
    {
        var (cpu, memory) = Sum(containers);
        return FargateSizer.Smallest(cpu, memory);
    }

    private static (int Cpu, int MemoryMiB) Sum(IEnumerable<ContainerPlan> containers)
    {
        var list = containers.ToList();
        return (list.Sum(c => c.Needs.Cpu), list.Sum(c => c.Needs.MemoryMiB));
    }

    private static string Describe(TaskSize size) => $"{size.Cpu} CPU units / {size.MemoryMiB} MiB";
}
