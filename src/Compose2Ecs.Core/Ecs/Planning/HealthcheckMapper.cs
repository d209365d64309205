using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// A compose healthcheck → an ECS container health check. Compose's defaults (30s interval,
/// 30s timeout, 3 retries) are written out, because ECS's own defaults differ; values outside
/// ECS's ranges are clamped, with a warning.
/// </summary>
internal static class HealthcheckMapper
{
    public static HealthCheckPlan? Map(ComposeService service, DiagnosticBag diagnostics)
    {
        var check = service.Healthcheck;
        if (check is null || check.Disable || check.Test.IsEmpty || check.Test[0] == "NONE")
        {
            return null;
        }

        if (check.Test[0] is not ("CMD" or "CMD-SHELL") || check.Test.Length < 2)
        {
            diagnostics.Warning(check.Location, EcsDiagnosticCodes.NotOnFargate, $"services.{service.Name}.healthcheck.test: must start with CMD or CMD-SHELL and a command; the health check is left out");
            return null;
        }

        if (check.StartInterval is not null)
        {
            diagnostics.Warning(KeyLocations.Of(service, "healthcheck", "start_interval"), EcsDiagnosticCodes.IgnoredKey,
                $"services.{service.Name}.healthcheck.start_interval: ECS has no such setting; the interval applies during the start period too");
        }

        var location = check.Location;
        return new HealthCheckPlan(
            check.Test,
            Clamp(service, "interval", Seconds(check.Interval) ?? 30, 5, 300, location, diagnostics),
            Clamp(service, "timeout", Seconds(check.Timeout) ?? 30, 2, 60, location, diagnostics),
            Clamp(service, "retries", check.Retries ?? 3, 1, 10, location, diagnostics),
            Clamp(service, "start_period", Seconds(check.StartPeriod) ?? 0, 0, 300, location, diagnostics));
    }

    private static int? Seconds(TimeSpan? time) => time is { } t ? (int)Math.Ceiling(t.TotalSeconds) : null;

    private static int Clamp(ComposeService service, string key, int value, int min, int max, SourceLocation fallback, DiagnosticBag diagnostics)
    {
        if (value >= min && value <= max)
        {
            return value;
        }

        var clamped = Math.Clamp(value, min, max);
        var location = KeyLocations.Of(service, "healthcheck", key);
        diagnostics.Warning(location.IsKnown ? location : fallback, EcsDiagnosticCodes.ValueClamped,
            $"services.{service.Name}.healthcheck.{key}: ECS allows {min} to {max}{(key == "retries" ? "" : " seconds")}; {value} becomes {clamped}");
        return clamped;
    }
}
