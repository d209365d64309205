using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>Server images, TLS without a CA, and agent mode joining by retry_join alone: at the key each is about.</summary>
public sealed class ServerSettingTests
{
    private const string App = "services:\n  a: { image: nginx, expose: [\"80\"] }\n";

    [Fact]
    public void The_dev_server_and_config_writer_default_to_a_consul_release_consul_ecs_0_10_supports_and_take_images_consul_server()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, App + "x-mesh:\n  consul: { dev_server: true }\n");
        Assert.Equal("hashicorp/consul:2.0.1", (string?)built.Container("consul-server", "consul-server")["Image"]);

        using var other = new TempDir();
        var pinned = Consul.Build(other, App + "x-mesh:\n  consul: { dev_server: true, images: { consul_server: hashicorp/consul:1.22.0 } }\n");
        Assert.Equal("hashicorp/consul:1.22.0", (string?)pinned.Container("consul-server", "consul-server")["Image"]);
    }

    [Fact]
    public void Tls_servers_without_a_ca_get_a_warning_at_servers()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, App + "x-mesh:\n  consul:\n    servers: { hosts: consul.internal, security_group: sg-0123456789abcdef0 }\n", Consul.Options);
        Assert.Contains(plan.Warnings, w => w.ToString().StartsWith("compose.yaml:5:5: warning: x-mesh.consul.servers.ca_cert_secret_arn:", StringComparison.Ordinal));

        using var other = new TempDir();
        var withCa = Synth.Plan(other, App + "x-mesh:\n  consul:\n    servers: { hosts: consul.internal, security_group: sg-0123456789abcdef0, ca_cert_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca }\n", Consul.Options);
        Assert.DoesNotContain(withCa.Warnings, w => w.ToString().Contains("ca_cert_secret_arn", StringComparison.Ordinal));
    }

    private const string AgentNoHosts = """
        x-mesh:
          consul:
            mode: agent
            servers: { tls: false }
            retry_join: ["provider=aws tag_key=consul tag_value=server"]
        """;

    [Fact]
    public void Agent_mode_joins_by_retry_join_without_servers_hosts_when_nothing_needs_the_servers_http_api()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, App + AgentNoHosts + "\n    config_entries: files\n");
        Assert.Contains("consul-client", built.ContainerNames("a"));
        Assert.NotEmpty(Consul.ValidConfigs(built));
    }

    [Fact]
    public void Agent_mode_without_servers_hosts_is_an_error_with_acls_or_config_entries_task()
    {
        using var dir = new TempDir();
        var errors = Synth.Errors(dir, App + AgentNoHosts + "\n    acls: true\n    bootstrap_token_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:boot\n", Consul.Options)
            .Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("compose.yaml:8:5: error: x-mesh.consul.servers.hosts:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("compose.yaml:4:3: error: x-mesh.consul.config_entries:", StringComparison.Ordinal));
    }
}
