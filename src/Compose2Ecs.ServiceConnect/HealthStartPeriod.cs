using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// A Service Connect endpoint whose app health check has no start period (<c>start_period: 0</c>, or
/// unset). Its task starts the Service Connect proxy beside the app, and ECS counts failed checks from
/// the first one: an app still starting (or waiting for the proxy to reach its upstreams) fails
/// <c>retries</c> checks, is marked unhealthy and replaced, and the deployment circuit breaker rolls
/// back. The ECS service's health-check grace period covers only load-balancer checks, not this one.
/// </summary>
public static class HealthStartPeriod
{
    public static EcsPlan Apply(EcsPlan plan, MeshModel mesh)
    {
        var warnings = plan.Services
            .Where(s => mesh.FindService(s.Name)?.Listener is not null && s.AppContainer.HealthCheck is { StartPeriodSeconds: 0 })
            .Select(s => Diagnostic.Warning(s.Location, ServiceConnectDiagnosticCodes.NoStartPeriod,
                $"services.{s.Name}.healthcheck: the health check has no start_period, so ECS counts its failures from the task's first second, while the app and its Service Connect proxy are still starting; a slow start is then marked unhealthy and replaced (and the deployment rolls back), and the service's health-check grace period does not cover container health checks; set start_period to the app's start time (for example start_period: 30s)"))
            .ToList();
        return warnings.Count == 0 ? plan : plan.AddWarnings(warnings);
    }
}
