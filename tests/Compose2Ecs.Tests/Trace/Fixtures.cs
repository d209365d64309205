using System.Text.Json.Nodes;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Report;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// One small application (web -> api over http, api -> db over postgres) synthesized once per
/// backend through the CDK, with the addresses each backend's callers must use, so that each
/// traces clean (Consul's callers keep the compose names: synth rewrites them to the local listeners); tests copy its templates, break one rule, and trace the copy in memory.
/// </summary>
public sealed class Fixtures : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Dictionary<string, Fixture> _fixtures = [];
    private readonly Lock _gate = new();

    public Fixture For(string backend)
    {
        lock (_gate)
        {
            if (!_fixtures.TryGetValue(backend, out var fixture))
            {
                var (api, db) = backend switch
                {
                    "appmesh" => ("http://api.demo.local:8080", "postgres://db.demo.local:5432/app"),
                    _ => ("http://api:8080", "postgres://db:5432/app"),
                };
                var dir = System.IO.Path.Combine(_dir.Path, backend);
                Directory.CreateDirectory(dir);
                File.WriteAllText(System.IO.Path.Combine(dir, "compose.yaml"), Compose.Replace("API_URL_VALUE", api).Replace("DATABASE_URL_VALUE", db));
                var project = Synth.Load(dir, "compose.yaml");
                var output = System.IO.Path.Combine(dir, "cdk.out");
                Synth.Project(project, output, new SynthOptions { Mesh = backend });
                fixture = _fixtures[backend] = new Fixture(backend, project, output);
            }

            return fixture;
        }
    }

    public void Dispose() => _dir.Dispose();

    private const string Compose = """
        name: demo
        x-mesh:
          namespace: demo.local
          consul:
            servers: {hosts: consul.demo.internal}
        services:
          web:
            image: example/web:1
            ports: ["80:8080"]
            environment:
              API_URL: API_URL_VALUE
            depends_on: [api]
            x-mesh: {upstreams: [{service: api, local_port: 9001}]}
          api:
            image: example/api:1
            expose: ["8080"]
            healthcheck: {test: ["CMD", "true"]}
            environment:
              DATABASE_URL: DATABASE_URL_VALUE
            depends_on:
              db: {condition: service_started}
            x-mesh: {protocol: http, upstreams: [{service: db, local_port: 9002}]}
          db:
            image: postgres:16
            expose: ["5432"]
            x-mesh: {protocol: tcp}
        """;
}

[CollectionDefinition(Name)]
public sealed class FixtureCollection : ICollectionFixture<Fixtures>
{
    public const string Name = "synthesized fixtures";
}

/// <summary>A synthesized assembly; <see cref="Edit"/> gives a copy of its templates to break.</summary>
public sealed record Fixture(string Backend, ComposeProject Project, string Directory)
{
    public Templates Edit() => new(this);

    public TraceReport Trace() => Edit().Trace();
}

/// <summary>A mutable copy of a fixture's templates and side files.</summary>
public sealed class Templates
{
    private readonly Fixture _fixture;

    public Templates(Fixture fixture)
    {
        _fixture = fixture;
        Root = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Directory, "demo.template.json")))!;
        SideFiles = [.. System.IO.Directory.EnumerateFiles(fixture.Directory, "service-*.json").Order(StringComparer.Ordinal)
            .Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)];
    }

    public JsonObject Root { get; }

    public List<JsonObject> SideFiles { get; }

    public JsonObject Resource(string logicalId) => (JsonObject)Root["Resources"]![logicalId]!;

    public JsonObject Properties(string logicalId) => (JsonObject)Resource(logicalId)["Properties"]!;

    public JsonObject Container(string service, string name) =>
        ((JsonArray)Properties(service + "TaskDefinition")["ContainerDefinitions"]!).OfType<JsonObject>().First(c => c["Name"]!.GetValue<string>() == name);

    public void Remove(string logicalId) => ((JsonObject)Root["Resources"]!).Remove(logicalId);

    public TraceReport Trace() => Tracer.Trace(
        CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { ["demo"] = Root }, sideFiles: SideFiles),
        _fixture.Project,
        backend => MeshReader.Read(_fixture.Project, backend, Synth.Backends.Specs));
}

public static class ReportAssertions
{
    /// <summary>The hops of the call <paramref name="caller"/> -> <paramref name="upstream"/> (exactly one such call).</summary>
    public static IReadOnlyList<Hop> Hops(this TraceReport report, string caller, string upstream) =>
        Assert.Single(report.Calls, c => c.Call.Caller == caller && c.Call.Upstream == upstream).Hops;

    /// <summary>Asserts the call is broken at a hop of <paramref name="kind"/> decided by <paramref name="rule"/>, about <paramref name="target"/>, and that every other call is not.</summary>
    public static void BrokenAt(this TraceReport report, string caller, string upstream, HopKind kind, string rule, string? target = null)
    {
        var hops = report.Hops(caller, upstream);
        Assert.Contains(hops, h => h.Verdict == Verdict.Broken && h.Kind == kind && h.Rule == rule && h.Target == (target ?? upstream));
        Assert.All(report.Calls.Where(c => c.Call.Caller != caller || c.Call.Upstream != upstream), c => Assert.False(c.IsBroken, $"{c.Call.Caller} -> {c.Call.Upstream} broke too"));
    }
}
