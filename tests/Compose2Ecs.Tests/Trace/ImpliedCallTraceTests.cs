using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Report;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// A call only the environment says (no depends_on, no upstreams) works as on a docker network,
/// with every backend; a service naming itself, and a bare localhost, are no calls. Pure template path.
/// </summary>
public sealed class ImpliedCallTraceTests
{
    private const string Compose = """
        name: demo
        services:
          email:
            image: email
            expose: ["6060"]
            environment: { FLAGD_HOST: flagd, FLAGD_PORT: "8013", OTEL_SERVICE_NAME: email, PHX_HOST: localhost, QUOTE_ADDR: "http://quote:8090" }
          flagd: { image: flagd, expose: ["8013"] }
          quote: { image: quote, expose: ["8090"] }
        """;

    private const string ConsulServers = "x-mesh:\n  consul:\n    dev_server: true\n";

    [Theory]
    [InlineData("none")]
    [InlineData("appmesh")]
    [InlineData("service-connect")]
    [InlineData("consul")]
    public void Calls_the_environment_names_trace_clean(string backend)
    {
        var report = Trace(backend);

        Assert.Contains(report.Calls, c => c.Call is { Caller: "email", Upstream: "flagd" });
        Assert.Contains(report.Calls, c => c.Call is { Caller: "email", Upstream: "quote" });
        Assert.DoesNotContain(report.Calls, c => c.Call.Upstream == c.Call.Caller);
        Assert.Empty(report.Broken);
    }

    private static TraceReport Trace(string backend)
    {
        using var dir = new TempDir();
        var compose = backend == "consul" ? Compose + "\n" + ConsulServers : Compose;
        var output = PureSynth.Yaml(dir, compose, new SynthOptions { Mesh = backend });
        var project = output.Input.Context.Project;
        var root = (JsonObject)JsonNode.Parse(output.Template.Text)!;
        return Tracer.Trace(
            CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = root }, sideFiles: []),
            project,
            b => MeshReader.Read(project, b, Synth.Backends.Specs));
    }
}
