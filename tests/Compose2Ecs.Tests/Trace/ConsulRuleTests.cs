using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Backends.Consul;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

[Collection(FixtureCollection.Name)]
public sealed class ConsulRuleTests(Fixtures fixtures)
{
    private static JsonObject Config(Templates t, string service, out JsonObject variable)
    {
        variable = ((JsonArray)t.Container(service, "consul-ecs-mesh-init")["Environment"]!).OfType<JsonObject>().First(e => e["Name"]!.GetValue<string>() == "CONSUL_ECS_CONFIG_JSON");
        return (JsonObject)JsonNode.Parse(variable["Value"]!.GetValue<string>())!;
    }

    [Fact]
    public void A_deny_intention_breaks_the_call()
    {
        var templates = fixtures.For("consul").Edit();
        var intentions = templates.SideFiles.First(f => f["Kind"]!.GetValue<string>() == "service-intentions" && f["Name"]!.GetValue<string>() == "api");
        ((JsonArray)intentions["Sources"]!).OfType<JsonObject>().First(s => s["Name"]!.GetValue<string>() == "web")["Action"] = "deny";

        templates.Trace().BrokenAt("web", "api", HopKind.Mesh, IntentionRule.Id, target: "api");
    }

    [Fact]
    public void Without_the_allow_the_wildcard_deny_applies()
    {
        var templates = fixtures.For("consul").Edit();
        var intentions = templates.SideFiles.First(f => f["Kind"]!.GetValue<string>() == "service-intentions" && f["Name"]!.GetValue<string>() == "api");
        var sources = (JsonArray)intentions["Sources"]!;
        sources.Remove(sources.First(s => s!["Name"]!.GetValue<string>() == "web"));
        sources.Add(new JsonObject { ["Name"] = "*", ["Action"] = "deny" });

        templates.Trace().BrokenAt("web", "api", HopKind.Mesh, IntentionRule.Id, target: "api");
    }

    [Fact]
    public void The_local_port_the_app_dials_must_be_an_upstream_of_its_sidecar()
    {
        var templates = fixtures.For("consul").Edit();
        var config = Config(templates, "web", out var variable);
        config["proxy"]!["upstreams"]![0]!["localBindPort"] = 9999;
        variable["Value"] = config.ToJsonString();

        templates.Trace().BrokenAt("web", "api", HopKind.Name, LocalUpstreamRule.Id);
    }

    [Fact]
    public void A_mesh_name_dialed_directly_bypasses_the_sidecar()
    {
        var templates = fixtures.For("consul").Edit();
        ((JsonArray)templates.Container("web", "web")["Environment"]!).OfType<JsonObject>().First(e => e["Name"]!.GetValue<string>() == "API_URL")["Value"] = "http://api:8080";

        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, LocalUpstreamRule.Id);
    }

    [Fact]
    public void The_dataplane_design_cannot_run_on_consul_ecs_0_6()
    {
        var templates = fixtures.For("consul").Edit();
        templates.Container("web", "consul-ecs-mesh-init")["Image"] = "hashicorp/consul-ecs:0.6.2";

        templates.Trace().BrokenAt("web", "api", HopKind.Proxy, SidecarRule.Id);
    }

    [Fact]
    public void With_the_ACL_controller_an_untagged_task_is_deregistered()
    {
        var templates = fixtures.For("consul").Edit();
        // The controller's presence is what makes the tag matter: add one to the db task.
        ((JsonArray)templates.Properties("dbTaskDefinition")["ContainerDefinitions"]!).Add(new JsonObject { ["Name"] = "controller", ["Command"] = new JsonArray("controller"), ["Essential"] = false });
        foreach (var service in new[] { "web", "api", "db" })
        {
            templates.Properties(service + "TaskDefinition")["Tags"] = new JsonArray(new JsonObject { ["Key"] = "consul.hashicorp.com/mesh", ["Value"] = "true" });
            templates.Properties(service + "Service")["PropagateTags"] = "TASK_DEFINITION";
        }

        Assert.False(templates.Trace().IsBroken);
        templates.Properties("apiService")["PropagateTags"] = "SERVICE";

        var report = templates.Trace();
        Assert.Contains(report.Hops("web", "api"), h => h is { Kind: HopKind.Mesh, Verdict: Verdict.Broken, Rule: ControllerTagRule.Id, Target: "api" });
    }
}
