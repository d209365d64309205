using System.Collections.Immutable;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Every value under x-mesh in the mesh example, replaced in turn by a value of the wrong
/// kind (empty, a list, a map, negative, huge, unicode, a boolean), read with every backend:
/// each case is read or refused with located errors, never anything else. At the quick depth
/// each value gets three of the wrong kinds, in turn, so every kind meets many keys; the full
/// depth (<see cref="TestDepth"/>) gives every value every kind.
/// </summary>
public class MeshKeyMutationTests
{
    private static readonly Node[] WrongValues =
    [
        ScalarNode.String("", SourceLocation.None),
        new SequenceNode([ScalarNode.String("x", SourceLocation.None)], SourceLocation.None),
        MappingNode.Empty(SourceLocation.None).With("x", ScalarNode.Int(1, SourceLocation.None)),
        ScalarNode.Int(-1, SourceLocation.None),
        new ScalarNode("99999999999999999999999", ScalarStyle.Plain, SourceLocation.None),
        ScalarNode.String("ünïcødé ✓ 日本", SourceLocation.None),
        ScalarNode.Bool(true, SourceLocation.None),
    ];

    [Fact]
    public void Every_x_mesh_value_with_a_wrong_kind_is_read_or_refused_with_locations()
    {
        var source = File.ReadAllText(Matrix.ComposeFile("mesh-shop"));
        var root = (MappingNode)YamlReader.ReadDocuments(source, "compose.yaml")[0];
        var paths = MeshPaths(root).ToList();
        Assert.True(paths.Count > 50, $"only {paths.Count} x-mesh values found");

        using var dir = new TempDir();
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var caseNumber = 0;
        var kindsPerValue = TestDepth.Pick(quick: 3, full: WrongValues.Length);
        foreach (var (path, index) in paths.Select((path, index) => (path, index)))
        {
            foreach (var wrong in Enumerable.Range(index, kindsPerValue).Select(k => WrongValues[k % WrongValues.Length]))
            {
                var text = NodeWriter.ToYaml(Replace(root, path, 0, wrong));
                dir.With("compose.yaml", text);
                var backend = Matrix.Backends[caseNumber++ % Matrix.Backends.Count];
                var outcome = Read(dir.Path, backend);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                if (outcome.StartsWith("bug", StringComparison.Ordinal))
                {
                    failures.Add($"{string.Join('.', path)} = {NodeWriter.ToYaml(wrong).Trim()} (--mesh {backend}): {outcome}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        Assert.True(outcomes.GetValueOrDefault("refused") > paths.Count, string.Join(", ", outcomes));
    }

    private static string Read(string directory, string backend)
    {
        try
        {
            var project = ComposeLoader.Load(new LoadOptions { Files = ["compose.yaml"], WorkingDirectory = directory, Environment = new Dictionary<string, string>() });
            EcsSynthesis.Plan(project, new SynthOptions { Mesh = backend }, Synth.Backends);
            return "read";
        }
        catch (InvalidInputException e)
        {
            return e.Errors.Any() && e.Errors.All(d => d.Location.IsKnown) ? "refused" : $"bug: an error without a location: {e.Message}";
        }
        catch (Exception e)
        {
            return $"bug: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Paths (keys and list indexes) of every node under the top-level and service x-mesh.</summary>
    private static IEnumerable<ImmutableArray<string>> MeshPaths(MappingNode root)
    {
        foreach (var path in Walk(root["x-mesh"]!, ["x-mesh"]))
        {
            yield return path;
        }

        foreach (var service in ((MappingNode)root["services"]!).Entries)
        {
            if (service.Value is MappingNode map && map["x-mesh"] is { } mesh)
            {
                foreach (var path in Walk(mesh, ["services", service.Name, "x-mesh"]))
                {
                    yield return path;
                }
            }
        }
    }

    private static IEnumerable<ImmutableArray<string>> Walk(Node node, ImmutableArray<string> path)
    {
        yield return path;
        var children = node switch
        {
            MappingNode map => map.Entries.Select(e => (e.Name, e.Value)),
            SequenceNode seq => seq.Items.Select((item, i) => ($"[{i}]", item)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            foreach (var inner in Walk(child, path.Add(key)))
            {
                yield return inner;
            }
        }
    }

    private static Node Replace(Node node, ImmutableArray<string> path, int depth, Node value)
    {
        if (depth == path.Length)
        {
            return value;
        }

        var key = path[depth];
        return node switch
        {
            MappingNode map => map.With(key, Replace(map[key]!, path, depth + 1, value)),
            SequenceNode seq => seq with { Items = seq.Items.SetItem(int.Parse(key[1..^1], System.Globalization.CultureInfo.InvariantCulture), Replace(seq.Items[int.Parse(key[1..^1], System.Globalization.CultureInfo.InvariantCulture)], path, depth + 1, value)) },
            _ => node,
        };
    }
}
