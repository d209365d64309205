using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Report;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// Without a mesh a route is a Cloud Map CNAME service whose instances name the targets: the
/// name resolves only when every CNAME names a Cloud Map service an ECS service registers in.
/// Built on the pure template path (no CDK).
/// </summary>
public sealed class RouteAliasTraceTests
{
    private const string Compose = """
        name: demo
        x-mesh:
          namespace: demo.local
          routes:
            api: { rules: [ { targets: { api-v1: 1, api-v2: 1 } } ] }
        services:
          web:
            image: web
            environment: { API_URL: "http://api:8080" }
            x-mesh: { upstreams: [api] }
          api-v1: { image: api, expose: ["8080"] }
          api-v2: { image: api, expose: ["8080"] }
        """;

    [Fact]
    public void A_route_without_a_mesh_traces_clean()
    {
        var (root, trace) = Synthesized();

        var report = trace(root);

        var call = Assert.Single(report.Calls, c => c.Call is { Caller: "web", Upstream: "api" });
        Assert.False(call.IsBroken, string.Join("; ", call.Hops.Select(h => h.Detail)));
        Assert.Contains(call.Hops, h => h is { Kind: HopKind.Name, Verdict: Verdict.Ok, Rule: NameRule.Id });
    }

    [Fact]
    public void A_cname_naming_no_registered_service_breaks_the_name()
    {
        var (root, trace) = Synthesized();
        var instance = (JsonObject)root["Resources"]![LogicalIds.For("api", "RouteTo" + LogicalIds.Part("api-v2"))]!;
        instance["Properties"]!["InstanceAttributes"]!["AWS_INSTANCE_CNAME"] = "api-v3.demo.local";

        trace(root).BrokenAt("web", "api", HopKind.Name, NameRule.Id);
    }

    [Fact]
    public void A_route_service_without_instances_breaks_the_name()
    {
        var (root, trace) = Synthesized();
        var resources = (JsonObject)root["Resources"]!;
        foreach (var id in resources.Where(r => (string?)r.Value!["Type"] == "AWS::ServiceDiscovery::Instance").Select(r => r.Key).ToList())
        {
            resources.Remove(id);
        }

        trace(root).BrokenAt("web", "api", HopKind.Name, NameRule.Id);
    }

    private static (JsonObject Root, Func<JsonObject, TraceReport> Trace) Synthesized()
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose, new SynthOptions { Mesh = "none" });
        var project = output.Input.Context.Project;
        return ((JsonObject)JsonNode.Parse(output.Template.Text)!, root => Tracer.Trace(
            CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = root }, sideFiles: []),
            project,
            backend => MeshReader.Read(project, backend, Synth.Backends.Specs)));
    }
}
