using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// A Service Connect client sees only the endpoints that existed when its task started, so each
/// caller's ECS service DependsOn the ECS services it calls; cycles are skipped with a warning.
/// </summary>
public sealed class StartupOrderTests
{
    private static List<string> DependsOn(JsonObject resources, string service) =>
        resources[Sc.Id(service, "Service")]!["DependsOn"]?.AsArray().Select(d => (string)d!).ToList() ?? [];

    [Fact]
    public void A_caller_waits_for_its_upstreams_route_targets_and_the_mesh_services_it_depends_on()
    {
        const string compose = """
            x-mesh:
              routes:
                catalog: { protocol: grpc, port: 50051, rules: [{ targets: { catalog-v2: 1 } }] }
            services:
              web: { image: w, expose: ["8080"], x-mesh: { upstreams: [api] } }
              api: { image: a, expose: ["8080"], x-mesh: { upstreams: [catalog] } }
              catalog-v2: { image: c, expose: ["50051"], x-mesh: { protocol: grpc } }
              job: { image: j, depends_on: [api] }
            """;
        var resources = Sc.Resources(compose);
        Assert.Contains(Sc.Id("api", "Service"), DependsOn(resources, "web"));
        Assert.Contains(Sc.Id("catalog-v2", "Service"), DependsOn(resources, "api"));
        Assert.Contains(Sc.Id("api", "Service"), DependsOn(resources, "job"));
        Assert.DoesNotContain(DependsOn(resources, "catalog-v2"), d => d.EndsWith("Service", StringComparison.Ordinal));
    }

    [Fact]
    public void An_order_that_would_close_a_cycle_is_skipped_with_a_located_warning_naming_the_cycle()
    {
        const string compose = """
            services:
              a: { image: a, expose: ["8080"], x-mesh: { upstreams: [b] } }
              b: { image: b, expose: ["8080"], x-mesh: { upstreams: [c] } }
              c: { image: c, expose: ["8080"], x-mesh: { upstreams: [a] } }
            """;
        var plan = Sc.Plan(compose);
        var warning = Sc.Coded(plan.Warnings, compose, "a] }", ServiceConnectDiagnosticCodes.StartupCycle, Severity.Warning);
        Assert.Contains("c -> a -> b -> c", warning.Message, StringComparison.Ordinal);

        var resources = Sc.Resources(compose);
        Assert.Contains(Sc.Id("b", "Service"), DependsOn(resources, "a"));
        Assert.Contains(Sc.Id("c", "Service"), DependsOn(resources, "b"));
        Assert.DoesNotContain(Sc.Id("a", "Service"), DependsOn(resources, "c"));
    }

    [Fact]
    public void A_call_named_in_environment_that_closes_a_cycle_is_skipped_with_the_warning_at_its_variable()
    {
        // opentelemetry-demo's observability layer: the collector depends_on jaeger (it exports there),
        // and jaeger's OTEL_COLLECTOR_HOST names the collector (jaeger reports its own telemetry).
        const string compose = """
            services:
              collector: { image: c, expose: ["4317"], depends_on: [jaeger] }
              jaeger:
                image: j
                expose: ["16686"]
                environment:
                  OTEL_COLLECTOR_HOST: collector
            """;
        var warning = Sc.Coded(Sc.Plan(compose).Warnings, compose, "OTEL_COLLECTOR_HOST", ServiceConnectDiagnosticCodes.StartupCycle, Severity.Warning);
        Assert.StartsWith("services.jaeger:", warning.Message, StringComparison.Ordinal);

        // The declared order is kept; the call the environment names is the one left unordered.
        var resources = Sc.Resources(compose);
        Assert.Contains(Sc.Id("jaeger", "Service"), DependsOn(resources, "collector"));
        Assert.DoesNotContain(Sc.Id("collector", "Service"), DependsOn(resources, "jaeger"));
    }

    [Fact]
    public void Without_a_cycle_there_is_no_warning()
    {
        const string compose = """
            services:
              a: { image: a, expose: ["8080"], x-mesh: { upstreams: [b] } }
              b: { image: b, expose: ["8080"] }
            """;
        Assert.DoesNotContain(Sc.Plan(compose).Warnings, w => w.Code == ServiceConnectDiagnosticCodes.StartupCycle);
    }
}
