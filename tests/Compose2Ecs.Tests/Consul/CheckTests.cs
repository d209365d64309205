using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>What the consul backend refuses, at the key it is about.</summary>
public sealed class CheckTests
{
    private static string Errors(string compose)
    {
        using var dir = new TempDir();
        return string.Join("\n", Synth.Errors(dir, compose, Consul.Options).Select(e => e.ToString()));
    }

    [Fact]
    public void A_compose_service_may_not_take_a_name_the_backend_deploys()
    {
        var errors = Errors("services:\n  consul-server: { image: nginx, expose: [\"80\"] }\n" + Consul.Servers);
        Assert.Contains("compose.yaml:2:3: error: services.consul-server: the consul backend deploys its own ECS service named \"consul-server\"", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Partition_needs_namespace()
    {
        var errors = Errors("services:\n  a: { image: nginx, expose: [\"80\"] }\nx-mesh:\n  consul:\n    partition: p\n    servers: { hosts: h }\n");
        Assert.Contains("compose.yaml:5:5: error: x-mesh.consul.partition: consul-ecs needs partition and namespace together", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_mode_needs_retry_join_and_a_ca_with_tls()
    {
        var errors = Errors("services:\n  a: { image: nginx, expose: [\"80\"] }\nx-mesh:\n  consul:\n    mode: agent\n    servers: { hosts: h }\n");
        Assert.Contains("x-mesh.consul.retry_join: mode: agent runs a Consul client in every task", errors, StringComparison.Ordinal);
        Assert.Contains("x-mesh.consul.servers.ca_cert_secret_arn: mode: agent with TLS needs the servers' CA", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weighted_tcp_route_and_dev_server_conflicts_are_errors()
    {
        var errors = Errors("""
            x-mesh:
              routes:
                db: { protocol: tcp, rules: [ { targets: { a: 50, b: 50 } } ] }
              consul:
                dev_server: true
                servers: { hosts: h, tls: true }
            services:
              c: { image: nginx, expose: ["80"], x-mesh: { upstreams: [db] } }
              a: { image: postgres, expose: ["5432"], x-mesh: { protocol: tcp } }
              b: { image: postgres, expose: ["5432"], x-mesh: { protocol: tcp } }
            """);
        Assert.Contains("compose.yaml:3:5: error: x-mesh.routes.db: Consul splits traffic by weight only for http, http2 and grpc", errors, StringComparison.Ordinal);
        Assert.Contains("x-mesh.consul.servers.tls: the dev server has no TLS", errors, StringComparison.Ordinal);
        Assert.Contains("x-mesh.consul.servers.hosts: with dev_server: true the tasks use the dev server's address", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_collide_in_consul_and_exec_hosts_with_the_config_task_are_errors()
    {
        var errors = Errors("services:\n  Api: { image: nginx, expose: [\"80\"] }\n  api: { image: nginx, expose: [\"80\"] }\nx-mesh:\n  consul:\n    servers: { hosts: \"exec=find\" }\n");
        Assert.Contains("are both \"api\" in Consul", errors, StringComparison.Ordinal);
        Assert.Contains("x-mesh.consul.config_entries: the run-once task writes config entries through the servers' HTTP API", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_runs_the_same_checks()
    {
        using var dir = new TempDir();
        dir.With("compose.yaml", "services:\n  consul-server: { image: nginx, expose: [\"80\"] }\n" + Consul.Servers);
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "consul");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the consul backend deploys its own ECS service", result.Error, StringComparison.Ordinal);
    }
}
