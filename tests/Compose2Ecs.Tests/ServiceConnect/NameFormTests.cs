using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// Spec §2: a service or route is called as <c>&lt;name&gt;</c> and as <c>&lt;name&gt;.&lt;namespace&gt;</c>. ECS allows
/// one client alias per Service Connect endpoint, so each name form is an endpoint of its own.
/// </summary>
public sealed class NameFormTests
{
    private const string Compose = """
        name: nf
        x-mesh:
          namespace: Shop.Local
          routes:
            orders: { port: 9000, rules: [ { targets: { api: 1 } } ] }
        services:
          web:
            image: w
            expose: ["8000"]
            environment:
              ORDERS: http://orders.shop.local:9000
              METRICS: api.shop.local:9100
            x-mesh: { upstreams: [api, orders] }
          api:
            image: a
            expose: ["8080", "9100"]
        """;

    private static List<string> Aliases(string compose, string service) =>
        [.. Sc.Connect(Sc.Resources(compose), service)!["Services"]!.AsArray()
            .Select(e => $"{e!["DiscoveryName"]} {e["ClientAliases"]![0]!["DnsName"]}:{e["ClientAliases"]![0]!["Port"]}")];

    [Fact]
    public void Every_endpoint_has_a_short_and_a_namespaced_alias_each_with_its_own_cloud_map_service()
    {
        Assert.Equal(
            ["api-sc api:8080", "orders-sc orders:9000", "api-9100-sc api:9100",
             "api-sc-ns api.shop.local:8080", "orders-sc-ns orders.shop.local:9000", "api-9100-sc-ns api.shop.local:9100"],
            Aliases(Compose, "api"));
    }

    [Fact]
    public void A_namespaced_address_of_another_port_opens_that_port_for_the_caller()
    {
        Assert.Contains("web->api:9100-9100/tcp", Sc.ServiceEdges(Sc.Resources(Compose)));
    }

    [Fact]
    public void A_namespaced_alias_longer_than_ECS_allows_is_left_out_and_the_short_one_stays()
    {
        var label = new string('n', 60);
        var compose = $"""
            name: nf
            x-mesh:
              namespace: {label}.{label}.local
            services:
              web: {"{"} image: w, expose: ["8000"], x-mesh: {"{"} upstreams: [api] {"}"} {"}"}
              api: {"{"} image: a, expose: ["8080"] {"}"}
            """;
        Assert.Equal(["api-sc api:8080"], Aliases(compose, "api"));
        Assert.Null(ServiceConnectNames.NamespacedAlias("api", $"{label}.{label}.local"));
    }

    [Fact]
    public void A_service_whose_name_is_another_ones_namespaced_alias_is_refused()
    {
        const string compose = """
            name: nf
            x-mesh: { namespace: nf.local }
            services:
              web: { image: w, expose: ["8000"], x-mesh: { upstreams: [api] } }
              api: { image: a, expose: ["8080"] }
              api.nf.local: { image: b, expose: ["8080"] }
            """;
        Sc.At(Sc.Errors(compose), compose, "api.nf.local:", "the client alias api.nf.local:8080 is already that of service api");
    }
}
