using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Ingress;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// The way in: the fixture publishes web (80:8080), so a load balancer listener forwards to it.
/// Each test breaks one link of that path in a copy of the templates.
/// </summary>
[Collection(FixtureCollection.Name)]
public sealed class IngressRuleTests(Fixtures fixtures)
{
    private static string OfType(Templates t, string type, Func<JsonObject, bool>? where = null) =>
        ((JsonObject)t.Root["Resources"]!).Single(r => r.Value!["Type"]!.GetValue<string>() == type && (where?.Invoke((JsonObject)r.Value["Properties"]!) ?? true)).Key;

    private static string TargetGroup(Templates t) => OfType(t, "AWS::ElasticLoadBalancingV2::TargetGroup");

    [Theory]
    [InlineData("none")]
    [InlineData("appmesh")]
    [InlineData("consul")]
    [InlineData("service-connect")]
    public void The_published_service_is_reached_from_the_internet_in_every_backend(string backend)
    {
        var hops = fixtures.For(backend).Trace().Hops("internet", "web");

        Assert.Contains(hops, h => h is { Kind: HopKind.Listener, Verdict: Verdict.Ok, Rule: IngressRule.Id });
        Assert.Contains(hops, h => h is { Kind: HopKind.Network, Verdict: Verdict.Ok, Rule: IngressRule.Id });
        Assert.All(hops, h => Assert.Equal(Verdict.Ok, h.Verdict));
    }

    [Fact]
    public void Without_a_rule_from_the_load_balancers_group_the_tasks_are_unreachable()
    {
        var templates = fixtures.For("none").Edit();
        var balancer = templates.Properties(OfType(templates, "AWS::ElasticLoadBalancingV2::LoadBalancer"));
        var lbGroup = balancer["SecurityGroups"]![0]!["Fn::GetAtt"]![0]!.GetValue<string>();
        templates.Remove(OfType(templates, "AWS::EC2::SecurityGroupIngress", p => p["SourceSecurityGroupId"]?.ToJsonString().Contains(lbGroup, StringComparison.Ordinal) == true));

        templates.Trace().BrokenAt("internet", "web", HopKind.Network, IngressRule.Id);
    }

    [Fact]
    public void A_health_check_on_a_port_nothing_listens_on_fails_every_target()
    {
        var templates = fixtures.For("none").Edit();
        templates.Properties(TargetGroup(templates))["HealthCheckPort"] = "9999";

        templates.Trace().BrokenAt("internet", "web", HopKind.Health, IngressRule.Id);
    }

    [Fact]
    public void A_target_group_no_service_registers_in_has_no_targets()
    {
        var templates = fixtures.For("none").Edit();
        templates.Properties("webService").Remove("LoadBalancers");

        var call = Assert.Single(templates.Trace().Calls, c => c.Call.Caller == "internet");
        Assert.Contains(call.Hops, h => h is { Kind: HopKind.Listener, Verdict: Verdict.Broken, Rule: IngressRule.Id });
    }

    [Fact]
    public void A_registration_on_a_port_the_container_does_not_map_breaks_the_listener()
    {
        var templates = fixtures.For("none").Edit();
        templates.Properties("webService")["LoadBalancers"]![0]!["ContainerPort"] = 9090;

        templates.Trace().BrokenAt("internet", "web", HopKind.Listener, IngressRule.Id);
    }

    [Fact]
    public void Service_Connect_TLS_on_the_load_balanced_port_breaks_a_plain_target_group_and_IngressPortOverride_mends_it()
    {
        var templates = fixtures.For("service-connect").Edit();
        var mapping = (JsonObject)templates.Container("web", "web")["PortMappings"]![0]!;
        var config = (JsonObject)templates.Properties("webService")["ServiceConnectConfiguration"]!;
        var endpoint = new JsonObject
        {
            ["PortName"] = mapping["Name"]!.GetValue<string>(),
            ["DiscoveryName"] = "web-sc",
            ["ClientAliases"] = new JsonArray(new JsonObject { ["DnsName"] = "web", ["Port"] = 8080 }),
            ["Tls"] = new JsonObject { ["IssuerCertificateAuthority"] = new JsonObject { ["AwsPcaAuthorityArn"] = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/x" } },
        };
        config["Services"] = new JsonArray(endpoint);

        templates.Trace().BrokenAt("internet", "web", HopKind.Proxy, "service-connect.ingress");

        endpoint["IngressPortOverride"] = 18080;
        Assert.Contains(templates.Trace().Hops("internet", "web"), h => h is { Kind: HopKind.Proxy, Verdict: Verdict.Ok, Rule: "service-connect.ingress" });
    }

    [Fact]
    public void App_Mesh_strict_TLS_behind_a_plain_load_balancer_breaks()
    {
        var templates = fixtures.For("appmesh").Edit();
        var node = OfType(templates, "AWS::AppMesh::VirtualNode", p => p["VirtualNodeName"]?.ToJsonString().Contains("web", StringComparison.Ordinal) == true);
        var listener = (JsonObject)templates.Properties(node)["Spec"]!["Listeners"]![0]!;
        listener["TLS"] = new JsonObject { ["Mode"] = "STRICT", ["Certificate"] = new JsonObject { ["ACM"] = new JsonObject { ["CertificateArn"] = "arn:aws:acm:eu-west-1:123456789012:certificate/x" } } };

        templates.Trace().BrokenAt("internet", "web", HopKind.Proxy, "appmesh.ingress");
    }
}
