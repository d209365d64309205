using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>Consul Enterprise tenancy in config entries and the writer; the gateway starting after its entries; EC2 discovery for exec=discover.</summary>
public sealed class TenancyAndOrderTests
{
    private const string Enterprise = """
        name: shop
        x-mesh:
          egress: drop_all
          gateway: { port: 80, routes: [{ path_prefix: /, to: web }] }
          routes:
            api: { protocol: http, rules: [ { targets: { api-v1: 90, api-v2: 10 } } ] }
          consul:
            servers: { hosts: consul.internal, tls: false }
            partition: part-1
            namespace: team-a
        services:
          web: { image: nginx, expose: ["8080"], x-mesh: { upstreams: [api] } }
          api-v1: { image: example/api:1, expose: ["8080"] }
          api-v2: { image: example/api:2, expose: ["8080"] }
        """;

    private static List<JsonObject> WrittenEntries(Consul.Built built, out Dictionary<string, string> environment)
    {
        var writer = built.Container("consul-config-entries", "consul-config-writer");
        environment = writer["Environment"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => (string)e!["Value"]!);
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(environment["CONSUL_CONFIG_ENTRIES"])), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    [Fact]
    public void With_a_partition_and_namespace_every_entry_and_reference_names_them_and_the_writer_defaults_to_them()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Enterprise);
        var entries = WrittenEntries(built, out var environment);
        Assert.Equal("part-1", environment["CONSUL_PARTITION"]);
        Assert.Equal("team-a", environment["CONSUL_NAMESPACE"]);

        var gatewayKinds = new[] { "api-gateway", "http-route", "tcp-route" };
        foreach (var entry in entries)
        {
            var gateway = gatewayKinds.Contains((string)entry["Kind"]!);
            Assert.Equal(gateway ? "default" : "team-a", (string?)entry["Namespace"]);
            Assert.Equal("part-1", (string?)entry["Partition"]);
        }

        var web = entries.Single(e => (string)e["Kind"]! == "service-intentions" && (string)e["Name"]! == "web");
        Assert.Equal(
            """[{"Name":"shop-api-gateway","Action":"allow","Description":"compose2ecs: a declared upstream","Namespace":"default","Partition":"part-1"},""" +
            """{"Name":"*","Action":"deny","Description":"compose2ecs: egress drop_all","Namespace":"team-a","Partition":"part-1"}]""",
            Consul.Json(web["Sources"]));
        var v1 = entries.Single(e => (string)e["Kind"]! == "service-intentions" && (string)e["Name"]! == "api-v1");
        Assert.Contains("""{"Name":"web","Action":"allow","Description":"compose2ecs: a declared upstream","Namespace":"team-a","Partition":"part-1"}""", Consul.Json(v1["Sources"]), StringComparison.Ordinal);

        var route = entries.Single(e => (string)e["Kind"]! == "http-route");
        Assert.Equal("""[{"Kind":"api-gateway","Name":"shop-api-gateway","SectionName":"http","Namespace":"default","Partition":"part-1"}]""", Consul.Json(route["Parents"]));
        Assert.Equal("""[{"Name":"web","Namespace":"team-a","Partition":"part-1"}]""", Consul.Json(route["Rules"]![0]!["Services"]));
    }

    [Fact]
    public void Without_enterprise_tenancy_entries_and_the_writer_name_no_namespace_or_partition()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Enterprise.Replace("    partition: part-1\n    namespace: team-a\n", "", StringComparison.Ordinal));
        var entries = WrittenEntries(built, out var environment);
        Assert.False(environment.ContainsKey("CONSUL_PARTITION"));
        Assert.False(environment.ContainsKey("CONSUL_NAMESPACE"));
        Assert.DoesNotContain(entries, e => e.ToJsonString().Contains("\"Namespace\"", StringComparison.Ordinal) || e.ToJsonString().Contains("\"Partition\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_gateway_service_starts_after_the_config_entries_are_written()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Enterprise);
        var dependsOn = built.Resource(LogicalIds.For("consul-api-gateway", "Service"))["DependsOn"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.Contains("ConsulConfigEntriesRun", dependsOn);

        using var files = new TempDir();
        var filesOnly = Consul.Build(files, Enterprise.Replace("tls: false }", "tls: false }\n    config_entries: files", StringComparison.Ordinal));
        Assert.DoesNotContain("ConsulConfigEntriesRun", filesOnly.Resource(LogicalIds.For("consul-api-gateway", "Service"))["DependsOn"]?.AsArray().Select(d => (string)d!) ?? []);
    }

    [Theory]
    [InlineData("exec=discover -q addrs provider=aws region=eu-west-1 tag_key=consul tag_value=server", true)]
    [InlineData("consul.internal", false)]
    public void Exec_discover_with_provider_aws_lets_every_consul_task_describe_instances(string hosts, bool expected)
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, $$"""
            name: shop
            x-mesh:
              consul: { servers: { hosts: "{{hosts}}", tls: false }, config_entries: files }
            services:
              web: { image: nginx, expose: ["8080"] }
            """);
        Assert.Equal(expected, built.Properties(LogicalIds.For("web", "TaskRole")).ToJsonString().Contains("ec2:DescribeInstances", StringComparison.Ordinal));
    }
}

/// <summary>Upstream options are keyed by the caller's upstream: through a route, the route.</summary>
public sealed class RouteUpstreamOptionTests
{
    private const string Compose = """
        name: shop
        x-mesh:
          routes:
            api: { protocol: http, rules: [ { targets: { api-v1: 90, api-v2: 10 } } ] }
          consul: { servers: { hosts: consul.internal, tls: false }, config_entries: files }
        services:
          web: { image: nginx, expose: ["8080"], x-mesh: { upstreams: [api] } }
          admin: { image: nginx, expose: ["8081"], x-mesh: { upstreams: [api-v1] } }
          api-v1:
            image: example/api:1
            expose: ["8080"]
            x-mesh:
              outlier_detection: { max_server_errors: 5, interval: 10s, base_ejection: 30s, max_ejection_percent: 50 }
              connection_pool: { max_connections: 100 }
          api-v2: { image: example/api:2, expose: ["8080"] }
        """;

    private static JsonObject Defaults(TempDir dir, string compose, string service)
    {
        var output = PureSynth.Yaml(dir, compose, Consul.Options).WriteTo(dir.Sub("out"));
        return JsonNode.Parse(File.ReadAllText(Path.Combine(output, $"service-defaults-{service}.json")))!.AsObject();
    }

    [Fact]
    public void A_caller_through_a_route_gets_the_targets_options_on_the_route_and_a_direct_caller_on_the_target()
    {
        using var dir = new TempDir();
        Assert.Equal(
            """{"Overrides":[{"Name":"shop-api","Limits":{"MaxConnections":100},"PassiveHealthCheck":{"Interval":"10s","MaxFailures":5,"MaxEjectionPercent":50,"BaseEjectionTime":"30s"}}]}""",
            Consul.Json(Defaults(dir, Compose, "web")["UpstreamConfig"]));
        using var other = new TempDir();
        Assert.Equal("api-v1", (string?)Defaults(other, Compose, "admin")["UpstreamConfig"]!["Overrides"]![0]!["Name"]);
    }

    [Fact]
    public void Targets_of_one_route_with_different_options_are_an_error_at_the_second_targets_options()
    {
        using var dir = new TempDir();
        var compose = Compose.Replace("api-v2: { image: example/api:2, expose: [\"8080\"] }",
            "api-v2:\n    image: example/api:2\n    expose: [\"8080\"]\n    x-mesh:\n      connection_pool: { max_connections: 5 }", StringComparison.Ordinal);
        var errors = Synth.Errors(dir, compose, Consul.Options).ToList();
        var error = Assert.Single(errors, e => e.Code == ConsulDiagnosticCodes.RouteTargetOptionsDiffer);
        var line = compose.Split('\n').ToList().FindIndex(l => l.Contains("max_connections: 5", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"compose.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
    }
}
