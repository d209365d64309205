using System.Text.Json.Nodes;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Report;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// One corpus file synthesized with each backend from the templates synth builds (no CDK: trace
/// reads the same templates the CDK is handed) and traced: the calls found broken, as lines of a
/// known-broken list (<c>file backend caller -> upstream</c>, or <c>file backend refused: codes</c>).
/// </summary>
internal static class CorpusTrace
{
    public static readonly string[] Backends = ["none", "appmesh", "consul", "service-connect"];

    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/corpus";

    /// <summary>Consul needs servers, which a corpus file does not declare: a dev server, layered as a user would.</summary>
    private const string ConsulServers = "x-mesh:\n  consul:\n    dev_server: true\n";

    /// <param name="overrides">Files layered after the entry's own, as a user fixing it would write them.</param>
    public static SortedSet<string> Broken(TempDir dir, CorpusEntry entry, IReadOnlyList<string> overrides)
    {
        var consul = dir.File($"{entry.File}.consul.yml", ConsulServers);
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var backend in Backends)
        {
            var project = Synth.Load(entry.Directory, [.. entry.Files, .. overrides, .. backend == "consul" ? new[] { consul } : []]);
            TraceReport report;
            try
            {
                report = Trace(project, backend, dir.Sub($"{backend}-{entry.File}"));
            }
            catch (InvalidInputException e)
            {
                // Refused (services others depend on without any port, C2E2010; App Mesh's tcp same-port limit):
                // listed like a broken call, by the codes of the errors, so a change shows in the list.
                var codes = string.Join(",", e.Errors.Where(d => d.Severity == Severity.Error).Select(d => d.Code ?? "-").Distinct().Order(StringComparer.Ordinal));
                broken.Add($"{entry.File} {backend} refused: {codes}");
                continue;
            }

            foreach (var call in report.Broken)
            {
                broken.Add($"{entry.File} {backend} {call.Call.Caller} -> {call.Call.Upstream}");
            }
        }

        return broken;
    }

    /// <summary>A known-broken list's entries: comments and the <c> # why</c> after an entry dropped.</summary>
    public static HashSet<string> Listed(string fileName) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, fileName))
            .Select(l => l.Split(" # ", 2)[0].TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

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
