using System.Text.Json.Nodes;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// Routes and the gateway are the project's in Consul (<c>&lt;project&gt;-&lt;route&gt;</c>,
/// <c>&lt;project&gt;-api-gateway</c>): two compose projects on one datacenter write disjoint
/// entries for them; the mesh services keep their compose names.
/// </summary>
public sealed class ProjectNameTests
{
    private const string Compose = """
        name: PROJECT
        x-mesh:
          gateway: { port: 80, routes: [{ path_prefix: /, to: api }] }
          routes:
            api: { protocol: http, rules: [ { match: { path_prefix: /v2 }, targets: { api-v2: 1 } }, { targets: { api-v1: 1, api-v2: 1 } } ] }
          consul: { servers: { hosts: consul.internal, tls: false }, config_entries: files }
        services:
          web: { image: nginx, expose: ["8080"], x-mesh: { upstreams: [{ service: api, local_port: 9001 }] } }
          api-v1: { image: example/api:1, expose: ["8080"] }
          api-v2: { image: example/api:2, expose: ["8080"] }
        """;

    private static Dictionary<string, JsonObject> Entries(TempDir dir, string project)
    {
        var output = PureSynth.Yaml(dir, Compose.Replace("PROJECT", project, StringComparison.Ordinal), Consul.Options);
        return output.Plan.Files.Select(f => JsonNode.Parse(f.Content)!.AsObject())
            .ToDictionary(e => $"{(string)e["Kind"]!}/{(string)e["Name"]!}", StringComparer.Ordinal);
    }

    [Fact]
    public void Two_projects_share_only_the_entries_of_the_services_themselves()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var shop = Entries(a, "shop");
        var shared = shop.Keys.Intersect(Entries(b, "admin").Keys).Order(StringComparer.Ordinal).ToList();

        // Both projects run api-v1/api-v2/web (the same services by name); nothing of the route or gateway is shared.
        Assert.Equal(["service-defaults/api-v1", "service-defaults/api-v2", "service-defaults/web", "service-intentions/api-v1", "service-intentions/api-v2", "service-intentions/web"], shared);
        Assert.Contains("service-router/shop-api", shop.Keys);
        Assert.Contains("service-splitter/shop-api", shop.Keys);
        Assert.Contains("api-gateway/shop-api-gateway", shop.Keys);
        Assert.Equal("""[{"Kind":"api-gateway","Name":"shop-api-gateway","SectionName":"http"}]""", Consul.Json(shop["http-route/shop-api-gateway-http"]["Parents"]));
        Assert.Equal("shop-api", (string?)shop["http-route/shop-api-gateway-http"]["Rules"]![0]!["Services"]![0]!["Name"]);
        Assert.Contains("shop-api-gateway", Consul.Json(shop["service-intentions/api-v1"]["Sources"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reference_to_the_route_uses_its_scoped_name()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose.Replace("PROJECT", "shop", StringComparison.Ordinal));
        var upstream = built.Config("web")["proxy"]!["upstreams"]![0]!;
        Assert.Equal("shop-api", (string?)upstream["destinationName"]);
        Assert.Equal(9001, (int)upstream["localBindPort"]!);
        Assert.Equal("shop-api-gateway", (string?)built.Config("consul-api-gateway")["gateway"]!["name"]);

        using var files = new TempDir();
        var router = Entries(files, "shop")["service-router/shop-api"];
        Assert.Equal("api-v2", (string?)router["Routes"]![0]!["Destination"]!["Service"]);
    }

    [Theory]
    [InlineData("shop-api", "api:")]
    [InlineData("shop-api-gateway", "shop-api-gateway:")]
    public void A_service_named_as_a_scoped_name_is_an_error_at_the_later_name(string service, string marker)
    {
        using var dir = new TempDir();
        var compose = Compose.Replace("PROJECT", "shop", StringComparison.Ordinal) + $"\n  {service}: {{ image: nginx, expose: [\"80\"] }}\n";
        var error = Assert.Single(Synth.Errors(dir, compose, Consul.Options), e => e.Code == ConsulDiagnosticCodes.ConsulNameTaken);
        var line = compose.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith(marker, StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"compose.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
    }
}
