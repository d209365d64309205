using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>Intentions and L7 config entries: exactly what Consul expects.</summary>
public sealed class ConfigEntryTests
{
    private const string Routes = """
        name: shop
        x-mesh:
          egress: drop_all
          routes:
            api:
              protocol: http
              rules:
                - match: { path_prefix: /v2, method: GET, headers: { x-canary: { exact: "true" } }, query: { beta: { present: true } } }
                  targets: { api-v2: 1 }
                  timeout: 15s
                  retries: { attempts: 3, on: [server-error, connection-error] }
                - match: { path_exact: /split }
                  targets: { api-v1: 1, api-v2: 2 }
                - targets: { api-v1: 90, api-v2: 10 }
          consul:
            servers: { hosts: consul.internal }
            config_entries: files
        services:
          web: { image: nginx, expose: ["8080"], x-mesh: { upstreams: [api] } }
          api-v1: { image: example/api:1, expose: ["8080"] }
          api-v2: { image: example/api:2, expose: ["8080"] }
        """;

    private static Dictionary<string, JsonObject> Entries(string compose, TempDir dir)
    {
        var output = PureSynth.Yaml(dir, compose, Consul.Options).WriteTo(dir.Sub("out"));
        return Directory.GetFiles(output, "*.json")
            .Where(f => !Path.GetFileName(f).StartsWith("shop", StringComparison.Ordinal) && Path.GetFileName(f) is not ("manifest.json" or "tree.json"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => JsonNode.Parse(File.ReadAllText(f))!.AsObject());
    }

    [Fact]
    public void A_weighted_route_with_a_path_match_becomes_defaults_router_splitters_and_intentions_exactly()
    {
        using var dir = new TempDir();
        var entries = Entries(Routes, dir);
        Assert.Equal(
            ["service-defaults-api-v1", "service-defaults-api-v2", "service-defaults-shop-api", "service-defaults-shop-api-rule2", "service-defaults-web",
             "service-intentions-api-v1", "service-intentions-api-v2", "service-intentions-web",
             "service-router-shop-api", "service-splitter-shop-api", "service-splitter-shop-api-rule2"],
            entries.Keys.Order(StringComparer.Ordinal));

        // The route and its rule's virtual service are the project's (<project>-<route>); the services keep their compose names.
        Assert.Equal("""{"Kind":"service-defaults","Name":"shop-api","Protocol":"http"}""", Consul.Json(entries["service-defaults-shop-api"]));
        Assert.Equal("""{"Kind":"service-defaults","Name":"shop-api-rule2","Protocol":"http"}""", Consul.Json(entries["service-defaults-shop-api-rule2"]));
        Assert.Equal("""{"Kind":"service-defaults","Name":"api-v1","Protocol":"http"}""", Consul.Json(entries["service-defaults-api-v1"]));
        Assert.Equal(
            """{"Kind":"service-router","Name":"shop-api","Routes":[""" +
            """{"Match":{"HTTP":{"PathPrefix":"/v2","Methods":["GET"],"Header":[{"Name":"x-canary","Exact":"true"}],"QueryParam":[{"Name":"beta","Present":true}]}},"Destination":""" +
            """{"Service":"api-v2","RequestTimeout":"15s","NumRetries":3,"RetryOnConnectFailure":true,"RetryOn":["5xx","connect-failure"]}},""" +
            """{"Match":{"HTTP":{"PathExact":"/split"}},"Destination":{"Service":"shop-api-rule2"}}]}""",
            Consul.Json(entries["service-router-shop-api"]));
        Assert.Equal("""{"Kind":"service-splitter","Name":"shop-api","Splits":[{"Weight":90,"Service":"api-v1"},{"Weight":10,"Service":"api-v2"}]}""", Consul.Json(entries["service-splitter-shop-api"]));

        // 1:2 is 33.3/66.7: the percentages still sum to exactly 100, the larger remainder rounding up.
        Assert.Equal("""{"Kind":"service-splitter","Name":"shop-api-rule2","Splits":[{"Weight":33,"Service":"api-v1"},{"Weight":67,"Service":"api-v2"}]}""", Consul.Json(entries["service-splitter-shop-api-rule2"]));
        foreach (var splitter in entries.Where(e => e.Key.StartsWith("service-splitter", StringComparison.Ordinal)))
        {
            Assert.Equal(100, splitter.Value["Splits"]!.AsArray().Sum(s => (int)s!["Weight"]!));
        }

        // Intentions hold for the real destinations: web, through the route, reaches both versions; everyone else is denied.
        Assert.Equal(
            """{"Kind":"service-intentions","Name":"api-v1","Sources":[{"Name":"web","Action":"allow","Description":"compose2ecs: a declared upstream"},{"Name":"*","Action":"deny","Description":"compose2ecs: egress drop_all"}]}""",
            Consul.Json(entries["service-intentions-api-v1"]));
        Assert.Equal("""[{"Name":"*","Action":"deny","Description":"compose2ecs: egress drop_all"}]""", Consul.Json(entries["service-intentions-web"]["Sources"]));
    }

    [Fact]
    public void Allow_all_writes_no_deny_and_a_single_target_rule_is_a_resolver_redirect()
    {
        using var dir = new TempDir();
        var entries = Entries("""
            name: shop
            x-mesh:
              egress: allow_all
              routes:
                db: { protocol: tcp, rules: [ { targets: { db-primary: 1 } } ] }
              consul: { servers: { hosts: consul.internal }, config_entries: files }
            services:
              app: { image: nginx, expose: ["80"], x-mesh: { upstreams: [db] } }
              db-primary: { image: postgres, expose: ["5432"], x-mesh: { protocol: tcp } }
            """, dir);
        Assert.Equal("""{"Kind":"service-resolver","Name":"shop-db","Redirect":{"Service":"db-primary"}}""", Consul.Json(entries["service-resolver-shop-db"]));
        Assert.Equal("""{"Kind":"service-defaults","Name":"shop-db","Protocol":"tcp"}""", Consul.Json(entries["service-defaults-shop-db"]));
        Assert.Equal("""[{"Name":"app","Action":"allow","Description":"compose2ecs: a declared upstream"}]""", Consul.Json(entries["service-intentions-db-primary"]["Sources"]));
        Assert.False(entries.ContainsKey("service-intentions-app"));
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { 34, 33, 33 })]
    [InlineData(new[] { 90, 10 }, new[] { 90, 10 })]
    [InlineData(new[] { 0, 3 }, new[] { 0, 100 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, new[] { 5, 9, 14, 19, 24, 29 })]
    public void Weights_become_percentages_that_sum_to_100_deterministically(int[] weights, int[] expected)
    {
        var targets = weights.Select((w, i) => new WeightedTarget($"s{i}", w, Core.Diagnostics.SourceLocation.None)).ToList();
        var percentages = ConfigEntries.Percentages(targets).Select(p => p.Percent).ToArray();
        Assert.Equal(expected, percentages);
        Assert.Equal(100, percentages.Sum());
    }

    [Fact]
    public void Config_entries_task_runs_consul_config_write_once_through_a_custom_resource_with_scoped_iam()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Routes.Replace("config_entries: files", "config_entries: task", StringComparison.Ordinal));
        Assert.DoesNotContain(built.All, r => r.Key == LogicalIds.For("consul-config-entries", "Service"));
        var writer = built.Container("consul-config-entries", "consul-config-writer");
        Assert.Equal("hashicorp/consul:2.0.1", (string?)writer["Image"]);
        Assert.Contains("consul config write", (string)writer["Command"]![0]!, StringComparison.Ordinal);
        var environment = writer["Environment"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => (string)e!["Value"]!);
        Assert.Equal("https://consul.internal:8501", environment["CONSUL_HTTP_ADDR"]);

        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(environment["CONSUL_CONFIG_ENTRIES"])), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("""{"Kind":"service-defaults",""", lines[0], StringComparison.Ordinal); // protocols before routers
        Assert.StartsWith("""{"Kind":"service-intentions",""", lines[^1], StringComparison.Ordinal);

        var run = built.Resource("ConsulConfigEntriesRun");
        Assert.Equal("Custom::ConsulConfigEntries", (string?)run["Type"]);
        Assert.Equal($$"""{"Ref":"{{LogicalIds.For("consul-config-entries", "TaskDefinition")}}"}""", Consul.Json(run["Properties"]!["TaskDefinition"]));
        var function = built.Properties("ConsulConfigEntriesFunction");
        Assert.Contains("run_task", (string)function["Code"]!["ZipFile"]!, StringComparison.Ordinal);
        var policy = built.Properties("ConsulConfigEntriesFunctionRole")["Policies"]!.ToJsonString();
        Assert.Contains("task-definition/shop-consul-config-entries:*", policy, StringComparison.Ordinal);
        Assert.Contains("iam:PassRole", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Resource\":\"*\"", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_becomes_an_api_gateway_task_behind_the_alb_with_its_routes_as_config_entries()
    {
        using var dir = new TempDir();
        var compose = """
            name: shop
            x-mesh:
              gateway:
                port: 443
                certificate_arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc
                routes:
                  - { path_prefix: /, to: web }
                  - { path_prefix: /api, to: api }
              consul: { servers: { hosts: consul.internal }, acls: true, bootstrap_token_secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:t" }
            services:
              web: { image: nginx, expose: ["8080"] }
              api: { image: example/api, expose: ["9000"] }
            """;
        var built = Consul.Build(dir, compose);
        Consul.ValidConfigs(built);
        // The ECS service is the stack's consul-api-gateway; in Consul the gateway is the project's (examples/api-gateway: <name>-api-gateway).
        var gateway = built.Config("consul-api-gateway");
        Assert.Equal("""{"kind":"api-gateway","name":"shop-api-gateway","lanAddress":{"port":8443}}""", Consul.Json(gateway["gateway"]));
        var dataplane = built.Container("consul-api-gateway", "consul-dataplane");
        Assert.True((bool)dataplane["Essential"]!);
        Assert.Equal("""[{"ContainerPort":8443,"Protocol":"tcp"}]""", Consul.Json(dataplane["PortMappings"]));
        var role = built.Properties(LogicalIds.For("consul-api-gateway", "TaskRole"));
        Assert.Contains("""{"Key":"consul.hashicorp.com.gateway-kind","Value":"api-gateway"}""", Consul.Json(role["Tags"]), StringComparison.Ordinal);

        var listener = built.Properties(LogicalIds.For("consul-api-gateway", "AlbListenerHttps443"));
        Assert.Equal("HTTPS", (string?)listener["Protocol"]);
        Assert.Equal("""[{"CertificateArn":"arn:aws:acm:eu-west-1:123456789012:certificate/abc"}]""", Consul.Json(listener["Certificates"]));
        var service = built.Properties(LogicalIds.For("consul-api-gateway", "Service"));
        Assert.Contains("\"ContainerPort\":8443", service["LoadBalancers"]!.ToJsonString(), StringComparison.Ordinal);

        using var files = new TempDir();
        var output = PureSynth.Yaml(files, compose, Consul.Options).WriteTo(files.Sub("out"));
        Assert.Equal(
            """{"Kind":"http-route","Name":"shop-api-gateway-http","Parents":[{"Kind":"api-gateway","Name":"shop-api-gateway","SectionName":"http"}],"Rules":[""" +
            """{"Matches":[{"Path":{"Match":"prefix","Value":"/api"}}],"Services":[{"Name":"api"}]},{"Matches":[{"Path":{"Match":"prefix","Value":"/"}}],"Services":[{"Name":"web"}]}]}""",
            JsonNode.Parse(File.ReadAllText(Path.Combine(output, "http-route-shop-api-gateway-http.json")))!.ToJsonString());
        Assert.Equal(
            """{"Kind":"api-gateway","Name":"shop-api-gateway","Listeners":[{"Name":"http","Port":8443,"Protocol":"http"}]}""",
            JsonNode.Parse(File.ReadAllText(Path.Combine(output, "api-gateway-shop-api-gateway.json")))!.ToJsonString());
        Assert.Equal("""{"Name":"shop-api-gateway","Action":"allow","Description":"compose2ecs: a declared upstream"}""",
            JsonNode.Parse(File.ReadAllText(Path.Combine(output, "service-intentions-web.json")))!["Sources"]![0]!.ToJsonString());
    }
}
