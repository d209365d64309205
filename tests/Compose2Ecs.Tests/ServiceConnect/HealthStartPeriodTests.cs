using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>An endpoint's health check with no start period is a located warning (C2E6007); one with a start period, or a plain client, is not.</summary>
public sealed class HealthStartPeriodTests
{
    [Fact]
    public void An_endpoint_health_check_without_a_start_period_is_a_located_warning()
    {
        const string compose = """
            services:
              web: { image: w, x-mesh: { upstreams: [api, db] } }
              api:
                image: a
                expose: ["8080"]
                healthcheck: { test: ["CMD", "true"], start_period: 0s }
              db:
                image: d
                expose: ["5432"]
                healthcheck: { test: ["CMD", "true"] }
              cache:
                image: c
                expose: ["6379"]
                healthcheck: { test: ["CMD", "true"], start_period: 20s }
            """;
        var warnings = Sc.Plan(compose).Warnings;
        Sc.Coded(warnings, compose, "api:", ServiceConnectDiagnosticCodes.NoStartPeriod, Severity.Warning);
        Sc.Coded(warnings, compose, "db:", ServiceConnectDiagnosticCodes.NoStartPeriod, Severity.Warning);
        Assert.Equal(2, warnings.Count(w => w.Code == ServiceConnectDiagnosticCodes.NoStartPeriod));
    }
}
