using System.Collections.Frozen;
using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>ulimits, cap_add/cap_drop and stop_grace_period, within what Fargate accepts.</summary>
internal static class LinuxMapper
{
    /// <summary>The ulimit names ECS knows.</summary>
    private static readonly FrozenSet<string> UlimitNames = FrozenSet.Create(StringComparer.Ordinal,
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    /// <summary>The Linux capabilities ECS knows (for cap_drop; Fargate adds only SYS_PTRACE).</summary>
    private static readonly FrozenSet<string> Capabilities = FrozenSet.Create(StringComparer.Ordinal,
        "ALL", "AUDIT_CONTROL", "AUDIT_WRITE", "BLOCK_SUSPEND", "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID",
        "IPC_LOCK", "IPC_OWNER", "KILL", "LEASE", "LINUX_IMMUTABLE", "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN",
        "NET_BIND_SERVICE", "NET_BROADCAST", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_ADMIN", "SYS_BOOT",
        "SYS_CHROOT", "SYS_MODULE", "SYS_NICE", "SYS_PACCT", "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME",
        "SYS_TTY_CONFIG", "SYSLOG", "WAKE_ALARM");

    private const int MaxStopTimeout = 120;

    public static ImmutableArray<UlimitPlan> Ulimits(ComposeService service, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<UlimitPlan>();
        foreach (var ulimit in service.Ulimits)
        {
            if (!UlimitNames.Contains(ulimit.Name))
            {
                diagnostics.Warning(ulimit.Location, EcsDiagnosticCodes.NotOnFargate, $"services.{service.Name}.ulimits.{ulimit.Name}: ECS has no such ulimit; it is left out");
                continue;
            }

            result.Add(new UlimitPlan(ulimit.Name, ulimit.Soft, ulimit.Hard));
        }

        return result.ToImmutable();
    }

    public static ImmutableArray<string> CapAdd(ComposeService service, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var capability in service.CapAdd.Select(Normalize))
        {
            // Fargate rejects every other added capability at deploy time.
            if (capability != "SYS_PTRACE")
            {
                diagnostics.Warning(KeyLocations.Of(service, "cap_add"), EcsDiagnosticCodes.NotOnFargate,
                    $"services.{service.Name}.cap_add: Fargate can add only SYS_PTRACE; {capability} is left out, and the container may fail where it needs it");
                continue;
            }

            result.Add(capability);
        }

        return result.Distinct().ToImmutableArray();
    }

    public static ImmutableArray<string> CapDrop(ComposeService service, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var capability in service.CapDrop.Select(Normalize))
        {
            if (!Capabilities.Contains(capability))
            {
                diagnostics.Warning(KeyLocations.Of(service, "cap_drop"), EcsDiagnosticCodes.NotOnFargate, $"services.{service.Name}.cap_drop: ECS does not know the capability {capability}; it is left out");
                continue;
            }

            result.Add(capability);
        }

        return result.Distinct().ToImmutableArray();
    }

    public static int? StopTimeout(ComposeService service, DiagnosticBag diagnostics)
    {
        if (service.StopGracePeriod is not { } period)
        {
            return null;
        }

        var seconds = (int)Math.Ceiling(Math.Min(period.TotalSeconds, int.MaxValue));
        if (seconds > MaxStopTimeout)
        {
            diagnostics.Warning(KeyLocations.Of(service, "stop_grace_period"), EcsDiagnosticCodes.ValueClamped,
                $"services.{service.Name}.stop_grace_period: ECS waits at most {MaxStopTimeout} seconds before it kills a container; {seconds}s becomes {MaxStopTimeout}s");
            return MaxStopTimeout;
        }

        return Math.Max(seconds, 0);
    }

    /// <summary>"cap_net_admin" → "NET_ADMIN", as ECS names capabilities.</summary>
    private static string Normalize(string capability)
    {
        var upper = capability.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }
}
