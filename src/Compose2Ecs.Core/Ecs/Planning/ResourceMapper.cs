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

    /// <summary>The vCPUs of the largest Fargate task.</summary>
    private const double MaxCpus = 16;

    /// <summary>The memory of the largest Fargate task (120 GiB).</summary>
    private const int MaxMemoryMiB = 122880;

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
            diagnostics.Warning(KeyLocations.Of(service, "deploy", "resources", "reservations"), EcsDiagnosticCodes.NotOnFargate,
                $"services.{service.Name}: the memory reservation ({reservation} MiB) is above the limit ({memory} MiB); the reservation is left out");
            reservation = null;
        }

        if (memory is > MaxMemoryMiB || reservation is > MaxMemoryMiB)
        {
            var key = limits?.MemoryBytes is not null ? KeyLocations.Of(service, "deploy", "resources", "limits", "memory")
                : service.MemLimitBytes is not null ? KeyLocations.Of(service, "mem_limit")
                : reservations?.MemoryBytes is not null ? KeyLocations.Of(service, "deploy", "resources", "reservations", "memory")
                : KeyLocations.Of(service, "mem_reservation");
            diagnostics.Error(key, EcsDiagnosticCodes.TooLarge,
                $"services.{service.Name}: asks for {Math.Max(memory ?? 0, reservation ?? 0)} MiB of memory; the largest Fargate task has {MaxMemoryMiB} MiB; ask for less");
            memory = reservation = null;
        }

        // Checked before the conversion: cpus: 2097152 is 2^31 CPU units, past int.
        if (cpus is > MaxCpus)
        {
            var key = limits?.Cpus is not null ? KeyLocations.Of(service, "deploy", "resources", "limits", "cpus")
                : service.Cpus is not null ? KeyLocations.Of(service, "cpus")
                : KeyLocations.Of(service, "deploy", "resources", "reservations", "cpus");
            diagnostics.Error(key, EcsDiagnosticCodes.TooLarge,
                $"services.{service.Name}: asks for {cpus.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} CPUs; the largest Fargate task has {MaxCpus} vCPU; ask for {MaxCpus} or fewer");
            cpus = null;
        }

        int? cpu = cpus is > 0 ? (int)Math.Ceiling(cpus.Value * 1024) : null;
        return new Result(cpu, memory, reservation);
    }

    private static int? Mebibytes(long? bytes) =>
        bytes is > 0 ? (int)Math.Max(MinMemoryMiB, Math.Min(int.MaxValue, (bytes.Value + MiB - 1) / MiB)) : null;
}
