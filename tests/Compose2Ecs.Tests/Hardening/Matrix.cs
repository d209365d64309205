using Compose2Ecs.Registration;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Every bundled example with every registered backend. A pair the backend cannot express
/// (say, weighted routes on Service Connect) is left out, after checking that it is refused
/// with located errors; the rest must synthesize. New backends join automatically.
/// </summary>
public static class Matrix
{
    public static IReadOnlyList<string> Backends { get; } = [.. BackendRegistration.CreateRegistry().Names];

    public static IReadOnlyList<string> Examples { get; } =
        [.. Directory.GetDirectories(Path.Combine(Paths.RepoRoot, "examples"))
            .Where(d => File.Exists(Path.Combine(d, "compose.yaml")))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static IReadOnlyList<(string Example, string Backend)> Pairs { get; } = FindPairs();

    public static TheoryData<string, string> Data()
    {
        var data = new TheoryData<string, string>();
        foreach (var (example, backend) in Pairs)
        {
            data.Add(example, backend);
        }

        return data;
    }

    public static string ComposeFile(string example) => Path.Combine(Paths.RepoRoot, "examples", example, "compose.yaml");

    public static Compose2Ecs.Core.Compose.Model.ComposeProject Load(string example) => ComposeLoader.Load(new LoadOptions
    {
        Files = [ComposeFile(example)],
        WorkingDirectory = Path.GetDirectoryName(ComposeFile(example))!,
        Environment = new Dictionary<string, string>(),
    });

    private static List<(string, string)> FindPairs()
    {
        var pairs = new List<(string, string)>();
        foreach (var example in Examples)
        {
            foreach (var backend in Backends)
            {
                try
                {
                    EcsSynthesis.Plan(Load(example), new SynthOptions { Mesh = backend }, Synth.Backends);
                    pairs.Add((example, backend));
                }
                catch (InvalidInputException e) when (e.Errors.All(d => d.Location.IsKnown))
                {
                    // Not expressible with this backend, and said so with locations.
                }
            }
        }

        return pairs;
    }
}
