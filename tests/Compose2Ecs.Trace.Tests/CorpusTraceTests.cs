using System.Text.Json.Nodes;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Report;
using Xunit.Abstractions;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// Four real applications of the corpus traced with every backend, from the templates synth
/// builds (no CDK: trace reads the same templates the CDK is handed). Some calls cannot work with
/// some backend (the app needs what the backend cannot give, and synth says so with a located
/// diagnostic): corpus-trace-known-broken.txt lists them, one <c>file backend caller -> upstream</c>
/// per line, with <c> # why</c> after it. A call broken and not listed fails (a
/// regression); a listed call that works fails too, so the list only shrinks.
/// </summary>
public sealed class CorpusTraceTests(ITestOutputHelper log)
{
    private static readonly string[] Files =
    [
        "example-voting-app__docker-compose.yaml",
        "robot-shop__docker-compose.yaml",
        "microservices-demo__deploy__docker-compose__docker-compose.yaml",
        "opentelemetry-demo__compose.yaml",
    ];

    private static readonly string[] Backends = ["none", "appmesh", "consul", "service-connect"];

    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/corpus";

    /// <summary>Consul needs servers, which a corpus file does not declare: a dev server, layered as a user would.</summary>
    private const string ConsulServers = "x-mesh:\n  consul:\n    dev_server: true\n";

    /// <summary>
    /// robot-shop's services declare no port (docker networks reach every port) and their images are
    /// not well known, so synth refuses it (C2E2010) and says to add the ports: this is that fix, as a
    /// user writes it, with the ports robot-shop's own Kubernetes manifests give.
    /// </summary>
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["robot-shop__docker-compose.yaml"] = """
            services:
              mongodb: { expose: ["27017"] }
              catalogue: { expose: ["8080"] }
              user: { expose: ["8080"] }
              mysql: { expose: ["3306"] }
              shipping: { expose: ["8080"] }
              payment: { expose: ["8080"] }
            """,
    };

    [Fact]
    public void The_corpus_applications_trace_as_listed_with_every_backend()
    {
        using var dir = new TempDir();
        var consul = dir.File("consul.yml", ConsulServers);
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var entry = Corpus.Entry(file);
            string[] ports = Overrides.TryGetValue(file, out var fix) ? [dir.File($"{file}.ports.yml", fix)] : [];
            foreach (var backend in Backends)
            {
                var project = Synth.Load(entry.Directory, [.. entry.Files, .. ports, .. backend == "consul" ? new[] { consul } : []]);
                TraceReport report;
                try
                {
                    report = Trace(project, backend, dir.Sub($"{backend}-{file}"));
                }
                catch (InvalidInputException e)
                {
                    // Refused (services others depend on without any port, C2E2010; App Mesh's tcp same-port limit):
                    // listed like a broken call, by the codes of the errors, so a change shows in the list.
                    var codes = string.Join(",", e.Errors.Where(d => d.Severity == Severity.Error).Select(d => d.Code ?? "-").Distinct().Order(StringComparer.Ordinal));
                    broken.Add($"{file} {backend} refused: {codes}");
                    continue;
                }

                foreach (var call in report.Broken)
                {
                    broken.Add($"{file} {backend} {call.Call.Caller} -> {call.Call.Upstream}");
                }
            }
        }

        var listed = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "corpus-trace-known-broken.txt"))
            .Select(l => l.Split(" # ", 2)[0].TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        log.WriteLine($"{broken.Count} broken calls:\n{string.Join("\n", broken)}");
        Assert.True(!broken.Except(listed).Any() && !listed.Except(broken).Any(), $"the broken set differs from the list; actual:\n{string.Join("\n", broken)}");
        Assert.Empty(listed.Except(broken));
    }

    private static TraceReport Trace(ComposeProject project, string backend, string output)
    {
        var options = new SynthOptions { Registry = Registry, Mesh = backend };
        try
        {
            PureSynth.Project(project, options).WriteTo(output);
        }
        catch (InvalidInputException e) when (e.Errors.All(CorpusSecrets.IsSecretError))
        {
            project = CorpusSecrets.WithExternalSecrets(project);
            PureSynth.Project(project, options).WriteTo(output);
        }

        var templates = Directory.EnumerateFiles(output, "*.template.json").ToDictionary(f => Path.GetFileName(f)!, f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!, StringComparer.Ordinal);
        var root = templates.Keys.Single(k => !templates.Values.Any(t => t.ToJsonString().Contains($"\"{k}\"", StringComparison.Ordinal)));
        var sideFiles = Directory.EnumerateFiles(output, "*.json").Where(f => !f.EndsWith(".template.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!);
        var assembly = CloudAssembly.FromTemplates(new Dictionary<string, JsonObject> { [root[..^".template.json".Length]] = templates[root] }, templates, sideFiles);
        return Tracer.Trace(assembly, project, b => MeshReader.Read(project, b, Synth.Backends.Specs));
    }
}
