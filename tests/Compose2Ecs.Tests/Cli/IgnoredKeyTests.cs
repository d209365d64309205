using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>A key the chosen backend has no use for is a warning at its line, never a silent drop.</summary>
public class IgnoredKeyTests
{
    private const string Compose = """
        x-mesh:
          name: shop
          routes:
            api:
              port: 8080
              rules:
                - targets: { api-v1: 1 }
                  retries: { attempts: 2, per_try_timeout: 1s }
        services:
          web:
            image: web
            expose: ["8080"]
            x-mesh:
              upstreams: [api]
              health_check: { path: /healthz }
          api-v1: { image: api, expose: ["8080"] }
        """;

    [Fact]
    public void Without_a_mesh_backend_mesh_keys_are_warnings_that_say_why()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "none");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("compose.yaml:15:7: warning: services.web.x-mesh.health_check: ignored by --mesh none", result.Error, StringComparison.Ordinal);

        // Upstreams and routes still wire calls without a mesh (security groups, a DNS name per
        // route); what only a proxy can do (the retries here) is said at the route.
        Assert.DoesNotContain("x-mesh.upstreams: ignored", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"compose\.yaml:4:5: warning: x-mesh\.routes\.api: .*\[C2E3010\]", result.Error);
    }

    [Fact]
    public void Consul_says_which_keys_it_has_no_use_for()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("servers.yaml", "x-mesh:\n  consul:\n    servers: { hosts: consul.internal }\n");
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "consul", "-f", "compose.yaml", "-f", "servers.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("compose.yaml:2:3: warning: x-mesh.name: ignored by --mesh consul", result.Error, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:5:7: warning: x-mesh.routes.api.port: ignored by --mesh consul", result.Error, StringComparison.Ordinal);
        Assert.Contains("x-mesh.routes.api.rules[0].retries.per_try_timeout: ignored by --mesh consul", result.Error, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:15:7: warning: services.web.x-mesh.health_check: ignored by --mesh consul", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_mesh_owner_needs_an_existing_mesh()
    {
        using var dir = new TempDir().With("compose.yaml", "x-mesh:\n  appmesh:\n    mesh_owner: \"123456789012\"\nservices:\n  web: { image: web, expose: [\"8080\"] }\n");
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "appmesh");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:3:5: error: x-mesh.appmesh.mesh_owner: a shared mesh belongs to another account", result.Error, StringComparison.Ordinal);
    }
}
