using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshBuild;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>
/// Deployments of mesh services (issue 17's minors): <c>MaximumPercent</c> 125 as the CDK App Mesh
/// extension sets it, raised where ECS's rounding would leave no room for a new task, and warnings at
/// App Mesh's default quotas (50 connected Envoys and 50 backends per virtual node).
/// </summary>
public sealed class DeploymentTests
{
    private static int MaximumPercent(Built built, string service) =>
        (int)(long)built.Properties(LogicalIds.For(service, "Service")).At("DeploymentConfiguration.MaximumPercent")!;

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 150)]
    [InlineData(3, 134)]
    [InlineData(4, 125)]
    [InlineData(10, 125)]
    public void Mesh_services_deploy_with_maximum_percent_125_or_the_least_that_starts_a_new_task(int replicas, int percent)
    {
        using var dir = new TempDir();
        var built = Build(dir, $$"""
            name: shop
            services:
              api: { image: example/api, expose: ["8080"], deploy: { replicas: {{replicas}} } }
            """);
        Assert.Equal(percent, MaximumPercent(built, "api"));
        Assert.Equal(100, (int)(long)built.Properties(LogicalIds.For("api", "Service")).At("DeploymentConfiguration.MinimumHealthyPercent")!);

        // One more task than desired fits under the maximum (ECS rounds it down).
        Assert.True(replicas * percent / 100 >= replicas + 1);
    }

    [Fact]
    public void The_gateway_and_plain_services()
    {
        using var dir = new TempDir();
        var built = Build(dir, """
            name: shop
            x-mesh:
              gateway: { routes: [{ to: web }] }
            services:
              web: { image: example/web, expose: ["8080"], x-mesh: { protocol: http } }
              legacy: { image: example/legacy, expose: ["8080"], x-mesh: false }
            """);
        Assert.Equal(150, MaximumPercent(built, AppMeshNames.GatewayService));
        Assert.Equal(200, MaximumPercent(built, "legacy"));
    }

    [Fact]
    public void More_envoys_on_a_node_than_the_default_quota_warn_at_the_service()
    {
        using var dir = new TempDir();
        var built = Build(dir, """
            name: shop
            services:
              api: { image: example/api, expose: ["8080"], deploy: { replicas: 41 } }
              web: { image: example/web, expose: ["8080"], deploy: { replicas: 40 } }
            """);

        // 41 × 125% = 51 Envoys while a deployment runs; 40 × 125% = 50 is the quota itself.
        var warning = Assert.Single(built.Plan.Warnings, w => w.Code == AppMeshDiagnosticCodes.EnvoysPerVirtualNode);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(3, warning.Location.Line);
        Assert.StartsWith("services.api:", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_backends_than_the_default_quota_warn_at_the_caller()
    {
        using var dir = new TempDir();
        var upstreams = Enumerable.Range(1, 26).Select(i => $"s{i}").ToList();
        var compose = "name: shop\nservices:\n"
            + $"  web: {{ image: example/web, expose: [\"8080\"], x-mesh: {{ protocol: http, upstreams: [{string.Join(", ", upstreams)}] }} }}\n"
            + string.Concat(upstreams.Select(u => $"  {u}: {{ image: example/{u}, expose: [\"8080\"], x-mesh: {{ protocol: http }} }}\n"));
        var built = Build(dir, compose);

        // 26 http upstreams, each by its short and long name: 52 backends.
        var warning = Assert.Single(built.Plan.Warnings, w => w.Code == AppMeshDiagnosticCodes.BackendsPerVirtualNode);
        Assert.Equal(3, warning.Location.Line);
        Assert.Contains("52", warning.Message, StringComparison.Ordinal);
    }
}
