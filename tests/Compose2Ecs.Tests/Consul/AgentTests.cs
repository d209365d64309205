using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>consul.mode: agent: the client-agent architecture of the mesh-task module up to 0.6, on examples/consul-agent.</summary>
public sealed class AgentTests
{
    private static Consul.Built Example(TempDir dir) =>
        Consul.Build(dir, File.ReadAllText(Path.Combine(Paths.Example("consul-agent"), "compose.yaml")), new Core.Ecs.SynthOptions());

    [Fact]
    public void Each_task_runs_the_client_mesh_init_envoy_and_health_sync_and_apps_wait_for_mesh_init_and_the_proxy()
    {
        using var dir = new TempDir();
        var built = Example(dir);
        Assert.Equal(["api", "consul-client", "consul-ecs-mesh-init", "sidecar-proxy", "consul-ecs-health-sync"], built.ContainerNames("api"));
        Assert.Equal([("consul-ecs-mesh-init", "SUCCESS"), ("sidecar-proxy", "HEALTHY")], built.DependsOn("api", "api"));

        var proxy = built.Container("api", "sidecar-proxy");
        Assert.Equal("envoyproxy/envoy-distroless:v1.23.10", (string?)proxy["Image"]);
        Assert.Equal("""["/consul/consul-ecs","envoy-entrypoint"]""", Consul.Json(proxy["EntryPoint"]));
        Assert.Equal("""["envoy","--config-path","/consul/envoy-bootstrap.json"]""", Consul.Json(proxy["Command"]));
        Assert.Equal("""["CMD","/consul/consul-ecs","net-dial","127.0.0.1:20000"]""", Consul.Json(proxy["HealthCheck"]!["Command"]));

        // Shutdown order: ECS stops a container after those that depend on it, so the app stops
        // before the proxy (it depends on it), and the client, which the proxy, mesh-init and
        // health-sync depend on, stops last.
        Assert.Contains(("consul-client", "START"), built.DependsOn("api", "sidecar-proxy"));
        Assert.Contains(("consul-client", "START"), built.DependsOn("api", "consul-ecs-mesh-init"));
        Assert.Contains(("consul-client", "START"), built.DependsOn("api", "consul-ecs-health-sync"));
        Assert.Empty(built.DependsOn("api", "consul-client"));
    }

    [Fact]
    public void The_client_joins_with_retry_join_gossip_key_and_auto_encrypt_tls_and_leaves_on_terminate()
    {
        using var dir = new TempDir();
        var built = Example(dir);
        var client = built.Container("web", "consul-client");
        Assert.Equal("hashicorp/consul:1.15.10", (string?)client["Image"]);
        Assert.Equal("""["/bin/sh","-ec"]""", Consul.Json(client["EntryPoint"]));
        var script = (string)client["Command"]![0]!;
        Assert.Contains("cp /bin/consul /bin/consul-inject/consul", script, StringComparison.Ordinal);
        Assert.Contains("-advertise \"$ECS_IPV4\"", script, StringComparison.Ordinal);
        Assert.Contains("retry_join = [\"provider=aws tag_key=consul-server tag_value=dc1\"]", script, StringComparison.Ordinal);
        Assert.Contains("datacenter = \"dc1\"", script, StringComparison.Ordinal);
        Assert.Contains("leave_on_terminate = true", script, StringComparison.Ordinal);
        Assert.Contains("auto_encrypt { tls = true }", script, StringComparison.Ordinal);
        Assert.Contains("-encrypt \"$CONSUL_GOSSIP_ENCRYPTION_KEY\"", script, StringComparison.Ordinal);
        Assert.Contains("-type aws-iam -method iam-ecs-client-token", script, StringComparison.Ordinal);
        Assert.Contains("-meta \"consul.hashicorp.com/task-id=$TASK_ID\"", script, StringComparison.Ordinal);
        Assert.Contains("-http-addr 'https://consul.payments.internal:8501' -ca-file /consul/consul-https-ca-cert.pem", script, StringComparison.Ordinal);
        Assert.Equal(
            """[{"Name":"CONSUL_CACERT_PEM","ValueFrom":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:consul/ca-cert-AbCdEf"},{"Name":"CONSUL_HTTPS_CACERT_PEM","ValueFrom":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:consul/ca-cert-AbCdEf"},{"Name":"CONSUL_GOSSIP_ENCRYPTION_KEY","ValueFrom":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:consul/gossip-key-AbCdEf"}]""",
            Consul.Json(client["Secrets"]));
        Assert.DoesNotContain("BEGIN", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Mesh_init_runs_consul_ecs_0_6_2_whose_config_validates_against_the_0_6_2_schema_and_logs_in_at_the_servers()
    {
        using var dir = new TempDir();
        var built = Example(dir);
        Assert.Equal("hashicorp/consul-ecs:0.6.2", (string?)built.Container("web", "consul-ecs-mesh-init")["Image"]);
        Assert.Equal("hashicorp/consul-ecs:0.6.2", (string?)built.Container("web", "consul-ecs-health-sync")["Image"]);
        Assert.NotEmpty(Consul.ValidConfigs(built));
        var config = built.Config("web");
        Assert.Null(config["consulServers"]);
        Assert.Equal("https://consul.payments.internal:8501", (string?)config["consulHTTPAddr"]);
        Assert.Equal("/consul/consul-https-ca-cert.pem", (string?)config["consulCACertFile"]);
        Assert.Equal("""{"enabled":true,"method":"iam-ecs-service-token"}""", Consul.Json(config["consulLogin"]));
        Assert.Equal("""[{"destinationName":"api","localBindPort":9090,"datacenter":"dc1"}]""", Consul.Json(config["proxy"]!["upstreams"]));
    }

    [Fact]
    public void Agents_gossip_on_8301_both_ways_and_reach_server_rpc_on_8300_through_the_servers_group()
    {
        using var dir = new TempDir();
        var built = Example(dir);
        var rules = built.Ingress.Select(r => (Group: Consul.Json(r["GroupId"]), Source: Consul.Json(r["SourceSecurityGroupId"]), Proto: (string)r["IpProtocol"]!, Port: (int)r["FromPort"]!.GetValue<long>())).ToList();
        const string Servers = "\"sg-0a1b2c3d4e5f60718\"";
        const string Clients = """{"Fn::GetAtt":["ConsulClientSecurityGroup","GroupId"]}""";
        Assert.Contains((Servers, Clients, "tcp", 8300), rules);
        Assert.Contains((Servers, Clients, "tcp", 8301), rules);
        Assert.Contains((Servers, Clients, "udp", 8301), rules);
        Assert.Contains((Clients, Servers, "tcp", 8301), rules);
        Assert.Contains((Clients, Servers, "udp", 8301), rules);
        Assert.Contains((Clients, Clients, "udp", 8301), rules);
        Assert.Contains((Servers, Clients, "tcp", 8501), rules); // HTTPS: ACL login and the config-entries task
        Assert.DoesNotContain(rules, r => r.Port == 8503);          // no dataplane: no gRPC to the servers
        var execution = built.Properties(LogicalIds.For("web", "ExecutionRole")).ToJsonString();
        Assert.Contains("gossip-key-AbCdEf", execution, StringComparison.Ordinal);

        // retry_join provider=aws: go-discover lists instances by tag.
        Assert.Contains("ec2:DescribeInstances", built.Properties(LogicalIds.For("web", "TaskRole")).ToJsonString(), StringComparison.Ordinal);
    }
}
