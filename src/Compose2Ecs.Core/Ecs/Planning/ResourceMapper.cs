using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// deploy.resources (else <c>cpus</c>, <c>mem_limit</c>, <c>mem_reservation</c>) → container CPU units,
/// hard memory limit and soft reservation. The task size is chosen later from these.
/// </summary>
internal static class ResourceMapper
{
    private const long MiB = 1024 * 1024;

    /// <summary>ECS's smallest container memory.</summary>
    private const int MinMemoryMiB = 6;

    public sealed record Result(int? Cpu, int? MemoryMiB, int? MemoryReservationMiB);

    public static Result Map(ComposeService service, DiagnosticBag diagnostics)
    {
        var limits = service.Deploy?.Limits;
        var reservations = service.Deploy?.Reservations;

        var cpus = limits?.Cpus ?? service.Cpus ?? reservations?.Cpus;
        var memory = Mebibytes(limits?.MemoryBytes ?? service.MemLimitBytes);
        var reservation = Mebibytes(reservations?.MemoryBytes ?? service.MemReservationBytes);

        if (memory is not null && reservation is not null && reservation > memory)
        {
            diagnostics.Warning(KeyLocations.Of(service, "deploy", "resources", "reservations"),
                $"services.{service.Name}: the memory reservation ({reservation} MiB) is above the limit ({memory} MiB); the reservation is left out");
            reservation = null;
        }

        int? cpu = cpus is > 0 ? (int)Math.Ceiling(cpus.Value * 1024) : null;
        return new Result(cpu, memory, reservation);
    }

    private static int? Mebibytes(long? bytes) =>
        bytes is > 0 ? (int)Math.Max(MinMemoryMiB, Math.Min(int.MaxValue, (bytes.Value + MiB - 1) / MiB)) : null;
}
