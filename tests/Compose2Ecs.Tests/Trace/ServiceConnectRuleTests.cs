using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Backends.ServiceConnect;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

[Collection(FixtureCollection.Name)]
public sealed class ServiceConnectRuleTests(Fixtures fixtures)
{
    private static JsonObject Alias(Templates t, string service) =>
        (JsonObject)t.Properties(service + "Service")["ServiceConnectConfiguration"]!["Services"]![0]!["ClientAliases"]![0]!;

    [Fact]
    public void An_http_AppProtocol_on_a_postgres_port_breaks()
    {
        var templates = fixtures.For("service-connect").Edit();
        var mapping = (JsonObject)templates.Container("db", "db")["PortMappings"]![0]!;
        mapping["AppProtocol"] = "http";

        templates.Trace().BrokenAt("api", "db", HopKind.Mesh, AppProtocolRule.Id, target: "db");
    }

    [Fact]
    public void A_name_that_is_no_client_alias_does_not_reach_the_endpoint()
    {
        var templates = fixtures.For("service-connect").Edit();
        Alias(templates, "api")["DnsName"] = "api-internal";

        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, ClientAliasRule.Id);
    }

    [Fact]
    public void A_client_alias_on_another_port_breaks_the_name()
    {
        var templates = fixtures.For("service-connect").Edit();
        Alias(templates, "api")["Port"] = 9090;

        templates.Trace().BrokenAt("web", "api", HopKind.Name, ClientAliasRule.Id);
    }

    [Fact]
    public void A_caller_created_before_its_endpoint_does_not_see_it()
    {
        var templates = fixtures.For("service-connect").Edit();
        var dependsOn = (JsonArray)templates.Resource("webService")["DependsOn"]!;
        dependsOn.Remove(dependsOn.First(d => d!.GetValue<string>() == "apiService"));

        Assert.Contains(templates.Trace().Hops("web", "api"), h => h is { Kind: HopKind.Startup, Verdict: Verdict.Broken, Rule: EndpointOrderRule.Id });
    }

    [Fact]
    public void An_ingress_port_override_is_where_the_proxy_listens_and_what_the_security_group_must_open()
    {
        var templates = fixtures.For("service-connect").Edit();
        var endpoint = (JsonObject)templates.Properties("apiService")["ServiceConnectConfiguration"]!["Services"]![0]!;
        endpoint["IngressPortOverride"] = 18080;

        // The caller's rule still opens the container port: the proxy is not there any more.
        templates.Trace().BrokenAt("web", "api", HopKind.Network, NetworkRule.Id);

        // Opened on the override: the ECS-managed proxy listens there, though no container maps it.
        var rule = ((JsonObject)templates.Root["Resources"]!).Select(r => (JsonObject)r.Value!)
            .Where(r => (string?)r["Type"] == "AWS::EC2::SecurityGroupIngress")
            .Select(r => (JsonObject)r["Properties"]!)
            .Single(p => (string?)p["GroupId"]?["Fn::GetAtt"]?[0] == "apiSecurityGroup" && (string?)p["SourceSecurityGroupId"]?["Fn::GetAtt"]?[0] == "webSecurityGroup");
        rule["FromPort"] = 18080;
        rule["ToPort"] = 18080;
        Assert.Contains(templates.Trace().Hops("web", "api"), h => h is { Kind: HopKind.Network, Verdict: Verdict.Ok, Rule: NetworkRule.Id });
        Assert.DoesNotContain(templates.Trace().Hops("web", "api"), h => h.Verdict == Verdict.Broken);
    }

    [Fact]
    public void Both_name_forms_are_client_aliases_and_the_namespaced_one_needs_its_own_endpoint()
    {
        var templates = fixtures.For("service-connect").Edit();
        ((JsonArray)templates.Container("web", "web")["Environment"]!).OfType<JsonObject>().First(e => e["Name"]!.GetValue<string>() == "API_URL")["Value"] = "http://api.demo.local:8080/v1";
        Assert.DoesNotContain(templates.Trace().Calls, c => c.IsBroken);
        Assert.Contains(templates.Trace().Hops("web", "api"), h => h is { Kind: HopKind.Proxy, Verdict: Verdict.Ok, Rule: ClientAliasRule.Id });

        // Without the <name>.<namespace> endpoint the name leaves the mesh.
        var services = (JsonArray)templates.Properties("apiService")["ServiceConnectConfiguration"]!["Services"]!;
        services.Remove(services.First(s => (string?)s!["ClientAliases"]![0]!["DnsName"] == "api.demo.local"));
        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, ClientAliasRule.Id);
    }
}
