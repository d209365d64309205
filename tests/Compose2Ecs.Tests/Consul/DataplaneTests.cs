using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>consul.mode: dataplane (the default): the containers of consul-ecs 0.10's mesh-task module.</summary>
public sealed class DataplaneTests
{
    private const string Compose = """
        name: shop
        services:
          web:
            image: nginx:1.27
            ports: ["80:8080"]
            depends_on: [api]
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost:8080/"]
          api:
            image: example/api:1
            expose: ["9000"]
            healthcheck:
              test: ["CMD", "/healthz"]
          worker:
            image: example/worker:1
            x-mesh:
              outbound_only: true
              upstreams: [api]
        """ + "\n" + Consul.Servers;

    [Fact]
    public void Every_mesh_task_gets_mesh_init_dataplane_and_health_sync_as_the_module_defines_them()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose);
        foreach (var service in new[] { "web", "api", "worker" })
        {
            Assert.Equal([service, "consul-ecs-mesh-init", "consul-dataplane", "consul-ecs-health-sync"], built.ContainerNames(service));
        }

        var init = built.Container("api", "consul-ecs-mesh-init");
        Assert.False((bool)init["Essential"]!);
        Assert.Equal("""["mesh-init"]""", Consul.Json(init["Command"]));
        Assert.Equal("public.ecr.aws/hashicorp/consul-ecs:0.10.0", (string?)init["Image"]);
        Assert.Equal("""[{"SourceVolume":"consul_data","ContainerPath":"/consul","ReadOnly":false},{"SourceVolume":"consul_binary","ContainerPath":"/bin/consul-inject","ReadOnly":true}]""", Consul.Json(init["MountPoints"]));
        Assert.True((bool)init["LinuxParameters"]!["InitProcessEnabled"]!);

        var dataplane = built.Container("api", "consul-dataplane");
        Assert.Equal("hashicorp/consul-dataplane:2.0.1", (string?)dataplane["Image"]);
        Assert.False((bool)dataplane["Essential"]!);
        Assert.Equal("5995", (string?)dataplane["User"]);
        Assert.Equal("""["/consul/consul-ecs","envoy-entrypoint"]""", Consul.Json(dataplane["EntryPoint"]));
        Assert.Equal("""["consul-dataplane","-config-file","/consul/consul-dataplane.json"]""", Consul.Json(dataplane["Command"]));
        Assert.Equal("""[{"SourceVolume":"consul_data","ContainerPath":"/consul","ReadOnly":true}]""", Consul.Json(dataplane["MountPoints"]));
        Assert.Equal([("consul-ecs-mesh-init", "SUCCESS")], built.DependsOn("api", "consul-dataplane"));
        Assert.Equal("""{"Command":["CMD","/consul/consul-ecs","net-dial","127.0.0.1:22000"],"Interval":5,"Timeout":5,"Retries":10,"StartPeriod":0}""", Consul.Json(dataplane["HealthCheck"]));
        Assert.Equal("""[{"Name":"nofile","SoftLimit":1048576,"HardLimit":1048576}]""", Consul.Json(dataplane["Ulimits"]));

        var sync = built.Container("api", "consul-ecs-health-sync");
        Assert.Equal("""["health-sync"]""", Consul.Json(sync["Command"]));
        Assert.Equal("5996", (string?)sync["User"]);
        Assert.Equal([("consul-ecs-mesh-init", "SUCCESS")], built.DependsOn("api", "consul-ecs-health-sync"));

        var volumes = built.Properties(LogicalIds.For("api", "TaskDefinition"))["Volumes"]!.AsArray().Select(v => (string)v!["Name"]!);
        Assert.Equal(["consul_data", "consul_binary"], volumes);
    }

    [Fact]
    public void App_containers_wait_for_a_healthy_dataplane_and_health_sync_covers_essential_checked_containers()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose);
        Assert.Contains(("consul-dataplane", "HEALTHY"), built.DependsOn("api", "api"));
        Assert.Contains(("consul-dataplane", "HEALTHY"), built.DependsOn("worker", "worker"));
        Assert.Equal("""["api"]""", Consul.Json(built.Config("api")["healthSyncContainers"]));
        Assert.Null(built.Config("worker")["healthSyncContainers"]);
    }

    [Fact]
    public void The_config_names_the_service_its_upstreams_and_the_servers_with_tls_ports_and_validates_against_the_schema()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose);
        var configs = Consul.ValidConfigs(built);
        Assert.Equal(6, configs.Count); // mesh-init and health-sync of 3 services

        var web = built.Config("web");
        Assert.Equal("/consul", (string?)web["bootstrapDir"]);
        Assert.Equal("""{"hosts":"consul.example.internal","skipServerWatch":false,"defaults":{"tls":true},"http":{"port":8501,"https":true},"grpc":{"port":8503}}""", Consul.Json(web["consulServers"]));
        Assert.Equal("web", (string?)web["service"]!["name"]);
        Assert.Equal(8080, (int)web["service"]!["port"]!);
        Assert.Equal(20000, (int)web["proxy"]!["publicListenerPort"]!);
        var upstream = web["proxy"]!["upstreams"]!.AsArray().Single()!;
        Assert.Equal("api", (string?)upstream["destinationName"]);
        Assert.Equal(Core.Mesh.LocalPorts.Preferred("api"), (int)upstream["localBindPort"]!);
        Assert.False((bool)web["transparentProxy"]!["enabled"]!);
        Assert.Null(web["consulLogin"]);

        Assert.Equal(0, (int)built.Config("worker")["service"]!["port"]!); // outbound only
        Assert.Equal(Consul.Json(web), Consul.Json(built.Config("web", "consul-ecs-health-sync")));
    }

    [Fact]
    public void Without_tls_the_ports_are_8500_and_8502_and_tenancy_and_datacenter_are_written_when_set()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, """
            services:
              web: { image: nginx, expose: ["80"], depends_on: [api] }
              api: { image: nginx, expose: ["80"] }
            x-mesh:
              consul:
                datacenter: eu1
                partition: team-a
                namespace: shop
                servers: { hosts: "exec=discover-consul", tls: false, skip_server_watch: true }
                config_entries: files
            """);
        Consul.ValidConfigs(built);
        var web = built.Config("web");
        Assert.Equal("""{"hosts":"exec=discover-consul","skipServerWatch":true,"defaults":{"tls":false},"http":{"port":8500,"https":false},"grpc":{"port":8502}}""", Consul.Json(web["consulServers"]));
        Assert.Equal("shop", (string?)web["service"]!["namespace"]);
        Assert.Equal("team-a", (string?)web["service"]!["partition"]);
        Assert.Equal("""{"destinationName":"api","localBindPort":""" + Core.Mesh.LocalPorts.Preferred("api") + ""","destinationNamespace":"shop","destinationPartition":"team-a","datacenter":"eu1"}""",
            Consul.Json(web["proxy"]!["upstreams"]![0]));
    }

    [Fact]
    public void The_ca_comes_from_secrets_manager_as_container_secrets_and_the_execution_role_reads_exactly_that_secret()
    {
        const string Ca = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:consul-ca-AbCdEf";
        using var dir = new TempDir();
        var built = Consul.Build(dir, $$"""
            services:
              api: { image: nginx, expose: ["80"] }
            x-mesh:
              consul:
                servers: { hosts: consul.internal, ca_cert_secret_arn: "{{Ca}}" }
            """);
        foreach (var name in new[] { "consul-ecs-mesh-init", "consul-ecs-health-sync" })
        {
            Assert.Equal($$"""[{"Name":"CONSUL_HTTPS_CACERT_PEM","ValueFrom":"{{Ca}}"},{"Name":"CONSUL_GRPC_CACERT_PEM","ValueFrom":"{{Ca}}"}]""",
                Consul.Json(built.Container("api", name)["Secrets"]));
        }

        Assert.DoesNotContain("BEGIN CERTIFICATE", built.Root.ToJsonString(), StringComparison.Ordinal);
        var statements = built.Properties(LogicalIds.For("api", "ExecutionRole"))["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(statements, s => Consul.Json(s!["Action"]) == "\"secretsmanager:GetSecretValue\"" && Consul.Json(s["Resource"]) == $"\"{Ca}\"");
    }

    [Fact]
    public void Sidecars_count_in_the_fargate_size()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, """
            services:
              api: { image: nginx, expose: ["80"], deploy: { resources: { limits: { cpus: "0.25", memory: 512M } } } }
            """ + "\n" + Consul.Servers);
        var task = built.Properties(LogicalIds.For("api", "TaskDefinition"));
        Assert.Equal("512", (string?)task["Cpu"]); // 256 + sidecars > 256
        Assert.Equal("1024", (string?)task["Memory"]);
    }

    [Fact]
    public void Synthesis_is_byte_identical_and_adding_a_service_changes_no_other_service_resource()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        var first = Consul.Build(a, Compose);
        var again = Consul.Build(b, Compose);
        Assert.Equal(first.Root.ToJsonString(), again.Root.ToJsonString());

        var bigger = Consul.Build(c, Compose.Replace("services:\n", "services:\n  extra:\n    image: example/extra:1\n    expose: [\"7000\"]\n    depends_on: [api]\n", StringComparison.Ordinal));
        // The one task that carries every config entry changes (api gets a new caller); nothing else does.
        var entries = LogicalIds.Part("consul-config-entries");
        foreach (var (id, resource) in first.All)
        {
            var other = bigger.All.FirstOrDefault(r => r.Key == id).Value;
            Assert.True(other is not null, $"{id} disappeared");
            if (!id.StartsWith(entries, StringComparison.Ordinal))
            {
                Assert.True(JsonNode.DeepEquals(resource, other), $"{id} changed:\n{resource.ToJsonString()}\n{other!.ToJsonString()}");
            }
        }
    }
}
