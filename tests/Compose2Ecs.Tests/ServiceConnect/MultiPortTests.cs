using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>Each port of a service its callers use gets an endpoint and a security-group rule, not only the listener.</summary>
public sealed class MultiPortTests
{
    private const string Compose = """
        name: mp
        services:
          web:
            image: w
            expose: ["8000"]
            environment:
              API_URL: http://api:8080
              METRICS: http://api:9100/metrics
            x-mesh: { upstreams: [api] }
          other:
            image: o
            expose: ["8000"]
            environment: { ADMIN: "api:9200" }
            x-mesh: { upstreams: [] }            # calls nothing, though its environment names api: no path for it
          api:
            image: a
            ports:
              - { target: 8080 }
              - { target: 9100, name: metrics }
              - { target: 9200 }
        """;

    [Fact]
    public void A_second_port_that_a_caller_names_gets_its_own_endpoint_and_rule()
    {
        var resources = Sc.Resources(Compose);
        Assert.Equal(
            """[{"PortName":"api-8080","DiscoveryName":"api-sc","ClientAliases":[{"Port":8080,"DnsName":"api"}]},{"PortName":"metrics","DiscoveryName":"api-9100-sc","ClientAliases":[{"Port":9100,"DnsName":"api"}]},"""
            + """{"PortName":"api-8080","DiscoveryName":"api-sc-ns","ClientAliases":[{"Port":8080,"DnsName":"api.mp.local"}]},{"PortName":"metrics","DiscoveryName":"api-9100-sc-ns","ClientAliases":[{"Port":9100,"DnsName":"api.mp.local"}]}]""",
            Sc.Connect(resources, "api")!["Services"]!.ToJsonString());
        Assert.Contains(Sc.App(resources, "api")["PortMappings"]!.AsArray(), p => (string?)p!["Name"] == "metrics" && (long?)p["ContainerPort"] == 9100);

        var edges = Sc.ServiceEdges(resources).ToList();
        Assert.Contains("web->api:8080-8080/tcp", edges);
        Assert.Contains("web->api:9100-9100/tcp", edges);
        Assert.DoesNotContain(edges, e => e.Contains("9200", StringComparison.Ordinal));
    }
}
