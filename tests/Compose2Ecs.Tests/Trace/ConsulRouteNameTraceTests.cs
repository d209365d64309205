using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Backends.Consul;
using Compose2Ecs.Trace.Report;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// Under Consul a route is the project's (<c>&lt;project&gt;-&lt;route&gt;</c>, so two projects on one
/// datacenter do not overwrite each other's config entries); the app still dials the route by its
/// compose name, which synth rewrites to the local listener whose upstream is the scoped name.
/// Built on the pure template path (no CDK).
/// </summary>
public sealed class ConsulRouteNameTraceTests
{
    private const string Compose = """
        name: demo
        x-mesh:
          routes:
            api: { protocol: http, rules: [ { targets: { api-v1: 1, api-v2: 1 } } ] }
          consul: { servers: { hosts: consul.demo.internal }, config_entries: files }
        services:
          web:
            image: web
            environment: { API_URL: "http://api:8080" }
            x-mesh: { upstreams: [{ service: api, local_port: 9001 }] }
          api-v1: { image: api, expose: ["8080"] }
          api-v2: { image: api, expose: ["8080"] }
        """;

    [Fact]
    public void A_call_through_a_project_scoped_route_traces_clean()
    {
        var (root, trace) = Synthesized();
        Assert.Equal("demo-api", (string?)Upstream(root)["destinationName"]);

        var call = Assert.Single(trace(root).Calls, c => c.Call is { Caller: "web", Upstream: "api" });
        Assert.False(call.IsBroken, string.Join("; ", call.Hops.Select(h => h.Detail)));
        Assert.Contains(call.Hops, h => h is { Kind: HopKind.Name, Verdict: Verdict.Ok, Rule: LocalUpstreamRule.Id });
    }

    [Fact]
    public void An_upstream_naming_another_projects_route_breaks_the_name()
    {
        var (root, trace) = Synthesized();
        Edit(root, upstream => upstream["destinationName"] = "other-api");

        trace(root).BrokenAt("web", "api", HopKind.Name, LocalUpstreamRule.Id);
    }

    private static JsonObject Container(JsonObject root, string name) =>
        ((JsonArray)root["Resources"]!["webTaskDefinition"]!["Properties"]!["ContainerDefinitions"]!).OfType<JsonObject>().First(c => (string?)c["Name"] == name);

    private static JsonObject ConfigVariable(JsonObject root) =>
        ((JsonArray)Container(root, "consul-ecs-mesh-init")["Environment"]!).OfType<JsonObject>().First(e => (string?)e["Name"] == "CONSUL_ECS_CONFIG_JSON");

    private static JsonObject Upstream(JsonObject root) =>
        (JsonObject)JsonNode.Parse((string)ConfigVariable(root)["Value"]!)!["proxy"]!["upstreams"]![0]!;

    private static void Edit(JsonObject root, Action<JsonObject> edit)
    {
        var variable = ConfigVariable(root);
        var config = JsonNode.Parse((string)variable["Value"]!)!;
        edit((JsonObject)config["proxy"]!["upstreams"]![0]!);
        variable["Value"] = config.ToJsonString();
    }

    private static (JsonObject Root, Func<JsonObject, TraceReport> Trace) Synthesized()
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose, new SynthOptions { Mesh = "consul" });
        var project = output.Input.Context.Project;
        var entries = output.Plan.Files.Select(f => (JsonObject)JsonNode.Parse(f.Content)!).ToList();
        return ((JsonObject)JsonNode.Parse(output.Template.Text)!, root => Tracer.Trace(
            CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = root }, sideFiles: entries),
            project,
            backend => MeshReader.Read(project, backend, Synth.Backends.Specs)));
    }
}
