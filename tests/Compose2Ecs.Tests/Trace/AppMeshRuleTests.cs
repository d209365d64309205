using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Backends.AppMesh;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

[Collection(FixtureCollection.Name)]
public sealed class AppMeshRuleTests(Fixtures fixtures)
{
    private static JsonArray ProxyProperties(Templates t, string service) =>
        (JsonArray)t.Properties(service + "TaskDefinition")["ProxyConfiguration"]!["ProxyConfigurationProperties"]!;

    private static void SetEnv(Templates t, string service, string name, string value) =>
        ((JsonArray)t.Container(service, service)["Environment"]!).OfType<JsonObject>().First(e => e["Name"]!.GetValue<string>() == name)["Value"] = value;

    [Theory]
    [InlineData("AppPorts")]
    [InlineData("ProxyIngressPort")]
    public void ECS_rejects_a_proxy_configuration_without_AppPorts_or_ProxyIngressPort(string property)
    {
        var templates = fixtures.For("appmesh").Edit();
        var properties = ProxyProperties(templates, "web");
        properties.Remove(properties.First(p => p!["Name"]!.GetValue<string>() == property));

        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, EnvoyProxyRule.Id);
    }

    [Fact]
    public void Non_root_Envoy_cannot_bind_a_port_below_1024()
    {
        var templates = fixtures.For("appmesh").Edit();
        ProxyProperties(templates, "web").OfType<JsonObject>().First(p => p["Name"]!.GetValue<string>() == "ProxyEgressPort")["Value"] = "80";

        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, EnvoyProxyRule.Id);
    }

    [Fact]
    public void The_app_must_wait_for_Envoy_healthy()
    {
        var templates = fixtures.For("appmesh").Edit();
        templates.Container("web", "web").Remove("DependsOn");

        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, EnvoyProxyRule.Id);
    }

    [Theory]
    [InlineData("http://api:8080")]
    [InlineData("http://api.demo.local:8080")]
    public void Envoy_matches_the_short_and_the_long_name_each_by_its_own_backend_virtual_service(string url)
    {
        var templates = fixtures.For("appmesh").Edit();
        SetEnv(templates, "web", "API_URL", url);

        Assert.DoesNotContain(templates.Trace().Hops("web", "api"), h => h.Verdict == Verdict.Broken);
    }

    [Theory]
    [InlineData("http://api:8080", "api")]
    [InlineData("http://api.demo.local:8080", "api.demo.local")]
    public void Under_DROP_ALL_an_http_Host_that_names_no_backend_virtual_service_is_dropped(string url, string backend)
    {
        // The Host must equal a backend's virtual service name: the other form does not stand in for it.
        var templates = fixtures.For("appmesh").Edit();
        SetEnv(templates, "web", "API_URL", url);
        var backends = (JsonArray)templates.Properties("webVirtualNode")["Spec"]!["Backends"]!;
        backends.Remove(backends.First(b => b!["VirtualService"]!["VirtualServiceName"]!.GetValue<string>() == backend));

        templates.Trace().BrokenAt("web", "api", HopKind.Mesh, EnvoyRoutingRule.Id);
    }

    [Fact]
    public void Under_ALLOW_ALL_the_same_call_passes_through()
    {
        var templates = fixtures.For("appmesh").Edit();
        SetEnv(templates, "web", "API_URL", "http://api:8080");
        var backends = (JsonArray)templates.Properties("webVirtualNode")["Spec"]!["Backends"]!;
        backends.Remove(backends.First(b => b!["VirtualService"]!["VirtualServiceName"]!.GetValue<string>() == "api"));
        templates.Properties("Mesh")["Spec"] = new JsonObject { ["EgressFilter"] = new JsonObject { ["Type"] = "ALLOW_ALL" } };

        Assert.DoesNotContain(templates.Trace().Hops("web", "api"), h => h.Verdict == Verdict.Broken);
    }

    [Fact]
    public void A_backend_missing_from_the_callers_node_is_dropped()
    {
        var templates = fixtures.For("appmesh").Edit();
        ((JsonObject)templates.Properties("webVirtualNode")["Spec"]!).Remove("Backends");

        templates.Trace().BrokenAt("web", "api", HopKind.Mesh, EnvoyRoutingRule.Id);
    }

    [Fact]
    public void Postgres_traffic_on_an_http_listener_breaks()
    {
        var templates = fixtures.For("appmesh").Edit();
        templates.Properties("dbVirtualNode")["Spec"]!["Listeners"]![0]!["PortMapping"]!["Protocol"] = "http";

        templates.Trace().BrokenAt("api", "db", HopKind.Mesh, EnvoyRoutingRule.Id, target: "db");
    }
}
