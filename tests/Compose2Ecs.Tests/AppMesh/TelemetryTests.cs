using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshBuild;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary><c>x-mesh.appmesh.tracing</c> and <c>stats</c> (issue 17), the switches the CDK App Mesh extension offers.</summary>
public sealed class TelemetryTests
{
    private static string Compose(string appmesh) => $$"""
        name: shop
        x-mesh:
          appmesh: {{appmesh}}
          gateway: { routes: [{ to: web }] }
        services:
          web: { image: example/web, expose: ["8080"], x-mesh: { protocol: http } }
        """;

    private static Dictionary<string, string> Environment(JsonObject container) =>
        container["Environment"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => e!["Value"] is JsonValue v ? v.ToString() : e!["Value"]!.ToJsonString());

    private static List<string> Names(Built built, string service) =>
        [.. built.Properties(LogicalIds.For(service, "TaskDefinition"))["ContainerDefinitions"]!.AsArray().Select(c => (string)c!["Name"]!)];

    [Fact]
    public void Off_by_default_nothing_is_added()
    {
        using var dir = new TempDir();
        var built = Build(dir, Compose("{}"));
        Assert.Equal(["web", "envoy"], Names(built, "web"));
        Assert.DoesNotContain(Environment(built.Container("web", "envoy")).Keys, k => k.StartsWith("ENABLE_", StringComparison.Ordinal));
    }

    [Fact]
    public void Xray_tracing_runs_the_daemon_as_envoys_user_next_to_every_envoy_with_xray_write_rights()
    {
        using var dir = new TempDir();
        var built = Build(dir, Compose("{ tracing: xray }"));
        foreach (var service in new[] { "web", AppMeshNames.GatewayService })
        {
            Assert.Contains(EnvoyTelemetry.XRayContainerName, Names(built, service));
            var envoy = built.Container(service, "envoy");
            Assert.Equal("1", Environment(envoy)["ENABLE_ENVOY_XRAY_TRACING"]);
            Assert.Equal("""[{"Condition":"START","ContainerName":"xray-daemon"}]""", envoy["DependsOn"].Json());

            var daemon = built.Container(service, EnvoyTelemetry.XRayContainerName);
            Assert.Equal(EnvoyTelemetry.XRayImage, (string?)daemon["Image"]);

            // Its calls to X-Ray leave as uid 1337, which the proxy configuration exempts (DROP_ALL would drop them).
            Assert.Equal("1337", (string?)daemon["User"]);
            Assert.False((bool)daemon["Essential"]!);

            var role = built.Properties(LogicalIds.For(service, "TaskRole"));
            var statements = role["Policies"]!.AsArray().SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray()).ToList();
            Assert.Contains(statements, s => s!["Action"]!.ToJsonString().Contains("\"xray:PutTraceSegments\"", StringComparison.Ordinal) && (string?)s["Resource"] == "*");
        }

        // The app still waits for Envoy only.
        Assert.Equal("""[{"Condition":"HEALTHY","ContainerName":"envoy"}]""", built.Container("web", "web")["DependsOn"].Json());
    }

    [Fact]
    public void Stats_turn_on_envoys_stats_tags_and_dogstatsd_with_the_environment_sorted()
    {
        using var dir = new TempDir();
        var built = Build(dir, Compose("{ stats: true }"));
        var names = built.Container("web", "envoy")["Environment"]!.AsArray().Select(e => (string)e!["Name"]!).ToList();
        Assert.Equal(["APPMESH_RESOURCE_ARN", "AWS_REGION", "ENABLE_ENVOY_DOG_STATSD", "ENABLE_ENVOY_STATS_TAGS", "ENVOY_LOG_LEVEL"], names);
        Assert.Equal(["web", "envoy"], Names(built, "web"));
    }

    [Theory]
    [InlineData("{ tracing: zipkin }", "x-mesh.appmesh.tracing")]
    [InlineData("{ stats: maybe }", "x-mesh.appmesh.stats")]
    public void Other_values_are_located_errors(string appmesh, string path)
    {
        using var dir = new TempDir();
        var error = Assert.Single(Errors(dir, Compose(appmesh)));
        Assert.Equal(3, error.Location.Line);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
