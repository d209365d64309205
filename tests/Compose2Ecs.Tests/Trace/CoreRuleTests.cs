using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

[Collection(FixtureCollection.Name)]
public sealed class CoreRuleTests(Fixtures fixtures)
{
    [Theory]
    [InlineData("none")]
    [InlineData("appmesh")]
    [InlineData("consul")]
    [InlineData("service-connect")]
    public void The_good_fixture_traces_clean(string backend)
    {
        var report = fixtures.For(backend).Trace();

        Assert.Equal(backend, report.Backend);
        Assert.Contains(report.Calls, c => c.Call.Caller == "web" && c.Call.Upstream == "api");
        Assert.Contains(report.Calls, c => c.Call.Caller == "api" && c.Call.Upstream == "db");
        Assert.All(report.Calls, c => Assert.False(c.IsBroken, $"{c.Call.Caller} -> {c.Call.Upstream}: {string.Join("; ", c.Hops.Where(h => h.Verdict == Verdict.Broken).Select(h => h.Detail))}"));
        Assert.Empty(report.UnusedPaths);
    }

    [Fact]
    public void A_short_name_needs_the_DHCP_search_domain()
    {
        var templates = fixtures.For("none").Edit();
        templates.Remove("DhcpOptionsAssociation");

        // Both calls dial short names: both break, at the name.
        var report = templates.Trace();
        Assert.Contains(report.Hops("web", "api"), h => h is { Kind: HopKind.Name, Verdict: Verdict.Broken, Rule: NameRule.Id });
        Assert.Contains(report.Hops("api", "db"), h => h is { Kind: HopKind.Name, Verdict: Verdict.Broken, Rule: NameRule.Id });
    }

    [Fact]
    public void A_name_needs_the_target_to_register_in_Cloud_Map()
    {
        var templates = fixtures.For("none").Edit();
        templates.Properties("apiService").Remove("ServiceRegistries");

        templates.Trace().BrokenAt("web", "api", HopKind.Name, NameRule.Id);
    }

    [Fact]
    public void A_call_needs_an_ingress_rule_from_the_caller_on_the_port_on_the_wire()
    {
        var templates = fixtures.For("none").Edit();
        templates.Remove("apiIngressFromwebTcp8080");

        templates.Trace().BrokenAt("web", "api", HopKind.Network, NetworkRule.Id);
    }

    [Fact]
    public void An_ingress_rule_on_another_port_does_not_count()
    {
        var templates = fixtures.For("none").Edit();
        templates.Properties("dbIngressFromapiTcp5432")["FromPort"] = 5433;
        templates.Properties("dbIngressFromapiTcp5432")["ToPort"] = 5433;

        var report = templates.Trace();

        report.BrokenAt("api", "db", HopKind.Network, NetworkRule.Id);
        Assert.Contains(report.UnusedPaths, p => p is { From: "api", To: "db" });
    }

    [Fact]
    public void An_ingress_rule_no_call_needs_is_listed()
    {
        var templates = fixtures.For("none").Edit();
        var extra = (JsonObject)templates.Resource("dbIngressFromapiTcp5432").DeepClone();
        extra["Properties"]!["SourceSecurityGroupId"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("webSecurityGroup", "GroupId") };
        ((JsonObject)templates.Root["Resources"]!)["dbIngressFromwebTcp5432"] = extra;

        var report = templates.Trace();

        var path = Assert.Single(report.UnusedPaths);
        Assert.Equal(("web", "db", "dbIngressFromwebTcp5432"), (path.From, path.To, path.Rule));
        Assert.False(report.IsBroken);
    }

    [Fact]
    public void Depends_on_needs_the_callers_ECS_service_to_wait_for_the_target()
    {
        var templates = fixtures.For("none").Edit();
        var dependsOn = (JsonArray)templates.Resource("webService")["DependsOn"]!;
        dependsOn.Remove(dependsOn.First(d => d!.GetValue<string>() == "apiService"));

        templates.Trace().BrokenAt("web", "api", HopKind.Startup, StartupRule.Id);
    }

    [Fact]
    public void A_container_waiting_for_a_container_without_health_check_never_starts()
    {
        var templates = fixtures.For("appmesh").Edit();
        templates.Container("web", "envoy").Remove("HealthCheck");

        templates.Trace().BrokenAt("web", "api", HopKind.Startup, StartupRule.Id);
    }
}
