using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Compose.Ports;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>A compose service → its app container (named after the service).</summary>
internal static class ContainerMapper
{
    public static ContainerPlan Map(ComposeProject project, ComposeService service, string image, ImmutableArray<ContainerSecret> secrets, ImmutableArray<MountPointPlan> mounts, DiagnosticBag diagnostics)
    {
        var resources = ResourceMapper.Map(service, diagnostics);
        var name = EcsNames.Clean(service.Name);
        return new ContainerPlan
        {
            Name = name,
            Image = image,
            Command = service.Command,
            EntryPoint = service.Entrypoint,
            // Sorted by name, so reordering a compose file's keys leaves the task definition as it was.
            Environment = [.. service.Environment.Where(e => e.Value is not null).OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new ContainerEnvironment(e.Name, e.Value!))],
            Secrets = secrets,
            Ports = Ports(service, project),
            HealthCheck = HealthcheckMapper.Map(service, diagnostics),
            Cpu = resources.Cpu,
            MemoryMiB = resources.MemoryMiB,
            MemoryReservationMiB = resources.MemoryReservationMiB,
            User = service.User,
            WorkingDirectory = service.WorkingDir,
            ReadonlyRootFilesystem = service.ReadOnly,
            Ulimits = LinuxMapper.Ulimits(service, diagnostics),
            StopTimeoutSeconds = LinuxMapper.StopTimeout(service, diagnostics),
            InitProcessEnabled = service.Init == true ? true : null,
            CapabilitiesAdd = LinuxMapper.CapAdd(service, diagnostics),
            CapabilitiesDrop = LinuxMapper.CapDrop(service, diagnostics),
            MountPoints = mounts,
            LogStreamPrefix = name,
            PseudoTerminal = Flag(service, "tty"),
            Interactive = Flag(service, "stdin_open"),
        };
    }

    /// <summary>
    /// Container ports: every <c>ports</c> target and <c>expose</c> port, once each, in the order
    /// written; with none, the implied ones: the image's well-known port, else the ports callers'
    /// environments name (the same facts the mesh model uses).
    /// </summary>
    public static ImmutableArray<ContainerPort> Ports(ComposeService service, ComposeProject project) =>
        ServicePorts.Implied(service, project) is { IsEmpty: false } implied
            ? [.. implied.Select(p => new ContainerPort(p, "tcp"))]
            : [.. service.Ports.Select(p => new ContainerPort(p.Target, p.Protocol))
                .Concat(service.Expose.Select(p => new ContainerPort(p, "tcp")))
                .Concat(service.ExposeUdp.Select(p => new ContainerPort(p, "udp")))
                .Where(p => p.Port > 0)
                .Distinct()];

    private static bool Flag(ComposeService service, string key) =>
        service.Node[key] is ScalarNode s && CoreSchema.TryGetBool(s.Value, out var value) && value;
}
