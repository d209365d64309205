using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Backends.AppMesh;
using Compose2Ecs.Trace.Report;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// App Mesh: HTTP sent to a tcp service (tcp is the default protocol) is opaque TCP to Envoy,
/// which takes a tcp backend by its port, whatever name the app dials. Pure template path.
/// </summary>
public sealed class TcpBackendTraceTests
{
    private const string Compose = """
        name: demo
        x-mesh: { namespace: demo.local }
        services:
          web:
            image: web
            environment: { API_URL: "http://api:8080" }
            x-mesh: { upstreams: [api] }
          api: { image: api, expose: ["8080"] }
        """;

    [Fact]
    public void Http_to_a_tcp_service_goes_by_its_port()
    {
        var (root, trace) = Synthesized();

        var call = Assert.Single(trace(root).Calls, c => c.Call is { Caller: "web", Upstream: "api" });
        Assert.False(call.IsBroken, string.Join("; ", call.Hops.Select(h => h.Detail)));
    }

    [Fact]
    public void A_tcp_backend_on_another_port_does_not_take_the_call()
    {
        var (root, trace) = Synthesized();
        var node = root["Resources"]!.AsObject().First(r => (string?)r.Value!["Type"] == "AWS::AppMesh::VirtualNode" && r.Key.StartsWith("api", StringComparison.Ordinal)).Value!;
        node["Properties"]!["Spec"]!["Listeners"]![0]!["PortMapping"]!["Port"] = 9090;

        trace(root).BrokenAt("web", "api", HopKind.Mesh, EnvoyRoutingRule.Id);
    }

    private static (JsonObject Root, Func<JsonObject, TraceReport> Trace) Synthesized()
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose, new SynthOptions { Mesh = "appmesh" });
        var project = output.Input.Context.Project;
        return ((JsonObject)JsonNode.Parse(output.Template.Text)!, root => Tracer.Trace(
            CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = root }, sideFiles: []),
            project,
            backend => MeshReader.Read(project, backend, Synth.Backends.Specs)));
    }
}
