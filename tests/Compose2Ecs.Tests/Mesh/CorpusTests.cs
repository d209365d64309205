using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Mesh.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>
/// Every real compose file of the shared corpus that loads reads as a mesh with App Mesh
/// semantics (<c>--mesh appmesh</c> on a plain file) without crashing: a model, or our own
/// <see cref="InvalidInputException"/>, never anything else. Multi-file cases are layered
/// as their INDEX.tsv note says, from _trees/ where the original paths and .env files are.
/// </summary>
public sealed class CorpusTests
{
    private static string Corpus => Path.Combine(Paths.Shared, "compose-corpus");

    public static TheoryData<string> Cases() => [.. CaseNames()];

    private static IEnumerable<string> CaseNames() =>
        File.ReadLines(Path.Combine(Corpus, "INDEX.tsv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[0]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_as_a_mesh_without_crashing(string file)
    {
        var project = TryLoad(file);
        if (project is null)
        {
            return; // the loader rejects this file on its own (or standalone): nothing for the mesh to read
        }

        try
        {
            var model = MeshReader.Read(project, AppMeshSpec.Name, RegisteredBackends.Specs);
            Assert.True(model.IsEnabled);
            Assert.Equal(project.Services.Length, model.Services.Length + model.PlainServices.Length);
            Assert.All(model.Services.Where(s => !s.IsOutboundOnly), s => Assert.Contains(s.Listener!.Port, s.ContainerPorts));
            // A local port is in the assigned range, or the upstream's own port (a caller that names it by host alone).
            Assert.All(model.Edges.Where(e => e.Via == EdgeVia.Mesh && e.LocalPort != e.Port), e => Assert.InRange(e.LocalPort!.Value, LocalPorts.First, LocalPorts.Last));
            _ = MermaidRenderer.Render(MeshGraph.Build(model));
            _ = DotRenderer.Render(MeshGraph.Build(model), model.Name);
        }
        catch (InvalidInputException e)
        {
            Assert.All(e.Errors, d => Assert.True(d.Location.IsKnown, $"an error without a location: {d}"));
        }
    }

    [Fact]
    public void Most_of_the_corpus_loads_and_reads()
    {
        var read = CaseNames().Count(file =>
        {
            var project = TryLoad(file);
            if (project is null)
            {
                return false;
            }

            try
            {
                MeshReader.Read(project, AppMeshSpec.Name, RegisteredBackends.Specs);
                return true;
            }
            catch (InvalidInputException)
            {
                return false;
            }
        });

        // A floor, not an exact number: it catches a reader that rejects real compose files wholesale.
        // Files whose services are depended on but declare no port anywhere (robot-shop, eShopOnContainers,
        // awesome-compose's nginx-golang family) are rightly refused (C2E2010), so the floor is below them.
        Assert.True(read >= 54, $"only {read} corpus files read as a mesh");
    }

    /// <summary>The project, or null when the loader rejects the case.</summary>
    private static ComposeProject? TryLoad(string file)
    {
        var row = File.ReadLines(Path.Combine(Corpus, "INDEX.tsv")).First(l => l.StartsWith(file + "\t", StringComparison.Ordinal)).Split('\t');
        var (repo, sourcePath, note) = (file[..file.IndexOf("__", StringComparison.Ordinal)], row[2], row[7]);
        var tree = Path.Combine(Corpus, "_trees", repo);
        var own = Path.Combine(tree, sourcePath);
        List<string> files = File.Exists(own) ? [own] : [Path.Combine(Corpus, file)];

        // "override of X", "extension file (-f) for X", "companion file (-f) to X", "override layered on X": X first.
        var layered = System.Text.RegularExpressions.Regex.Match(note, @"(?:override of|for|to|layered on) ([\w./-]+\.ya?ml)");
        if (layered.Success && !note.StartsWith("extends target", StringComparison.Ordinal))
        {
            // The note names the base from the repository root ("src/docker-compose.yml") or from the file's folder.
            var baseFile = new[] { Path.Combine(tree, layered.Groups[1].Value), Path.Combine(Path.GetDirectoryName(files[0])!, layered.Groups[1].Value) }
                .FirstOrDefault(File.Exists);
            if (baseFile is null)
            {
                return null;
            }

            files.Insert(0, baseFile);
        }

        try
        {
            return ComposeLoader.Load(new LoadOptions
            {
                Files = [.. files],
                WorkingDirectory = Path.GetDirectoryName(files[0])!,
                Environment = new Dictionary<string, string>(),
            });
        }
        catch (InvalidInputException e)
        {
            LoaderRejections[file] = e.Message;
            return null;
        }
    }

    /// <summary>Why the loader rejected a case, for a failing test's message.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> LoaderRejections = new();
}
