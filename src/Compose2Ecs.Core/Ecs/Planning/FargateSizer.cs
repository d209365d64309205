using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Chooses each task's Fargate size: the smallest valid CPU/memory combination that holds the
/// sum of its containers' CPU and memory (and a backend's proxy room, when a size holds it).
/// Runs on the final plan, after backends have added their sidecars.
/// </summary>
public static class FargateSizer
{
    /// <summary>Every valid Fargate combination, smallest CPU first, then smallest memory (the cheapest that fits comes first).</summary>
    public static ImmutableArray<TaskSize> ValidSizes { get; } =
    [
        .. Range(256, 512, 2048, 512, [512, 1024, 2048]),
        .. Range(512, 1024, 4096, 1024),
        .. Range(1024, 2048, 8192, 1024),
        .. Range(2048, 4096, 16384, 1024),
        .. Range(4096, 8192, 30720, 1024),
        .. Range(8192, 16384, 61440, 4096),
        .. Range(16384, 32768, 122880, 8192),
    ];

    /// <summary>The smallest valid size with at least this much CPU and memory; null when none is big enough.</summary>
    public static TaskSize? Smallest(long cpu, long memoryMiB) =>
        ValidSizes.FirstOrDefault(s => s.Cpu >= cpu && s.MemoryMiB >= memoryMiB);

    /// <summary>The plan with every task definition sized. Throws <see cref="InvalidInputException"/> for a task no Fargate size holds.</summary>
    public static EcsPlan Apply(EcsPlan plan)
    {
        var errors = new DiagnosticBag();
        var sized = plan.UpdateServices(service =>
        {
            // long: a container may ask for int.MaxValue MiB, and a sidecar's need on top must not overflow.
            var cpu = service.TaskDefinition.Containers.Sum(c => (long)c.Needs.Cpu);
            var memory = service.TaskDefinition.Containers.Sum(c => (long)c.Needs.MemoryMiB);
            var room = service.TaskDefinition.ProxyRoom;
            var size = (room is null ? null : Smallest(cpu + room.Cpu, memory + room.MemoryMiB)) ?? Smallest(cpu, memory);
            if (size is null)
            {
                errors.Error(service.Location, EcsDiagnosticCodes.TooLarge,
                    $"service \"{service.Name}\" needs {cpu} CPU units and {memory} MiB with its sidecars; the largest Fargate task has 16384 CPU units (16 vCPU) and 122880 MiB. Lower deploy.resources");
                return service;
            }

            return service.UpdateTaskDefinition(t => t with { Size = size });
        });
        errors.ThrowIfErrors();
        return sized;
    }

    private static IEnumerable<TaskSize> Range(int cpu, int from, int to, int step, int[]? explicitValues = null) =>
        (explicitValues ?? Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToArray())
            .Select(memory => new TaskSize(cpu, memory));
}
