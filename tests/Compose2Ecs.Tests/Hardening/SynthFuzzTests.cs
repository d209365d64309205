using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Mutated examples through load, validate and synth with every backend, seeded: each case
/// ends in templates or in our own located error with no output folder; never another
/// exception, a hang, or a partial folder. 40 cases at the quick depth (the case number picks the
/// example and the backend, so 7 examples and 4 backends meet in every pair), 200 at the full depth
/// (<see cref="TestDepth"/>). A longer run:
/// C2E_SYNTH_FUZZ_CASES=2000 C2E_FUZZ_SEED=7 dotnet test --project tests/Compose2Ecs.Tests --filter SynthFuzzTests
/// </summary>
public class SynthFuzzTests
{
    private static int Cases => TestDepth.Pick(quick: 40, full: 200, overrideVariable: "C2E_SYNTH_FUZZ_CASES");

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("C2E_FUZZ_SEED"), out var s) ? s : 20261121;

    [Fact]
    public async Task Mutated_examples_synthesize_or_fail_cleanly_with_every_backend()
    {
        var mutator = new ComposeMutator(Seed);
        var inputs = Matrix.Examples.Select(e => File.ReadAllText(Matrix.ComposeFile(e))).ToArray();
        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();
        using var dir = new TempDir();
        for (var i = 0; i < Cases; i++)
        {
            var text = mutator.Mutate(inputs[i % inputs.Length]);
            var backend = Matrix.Backends[i % Matrix.Backends.Count];
            var caseDir = dir.Sub($"case{i}");
            Directory.CreateDirectory(caseDir);
            File.WriteAllText(Path.Combine(caseDir, "compose.yaml"), text);
            var output = Path.Combine(caseDir, "cdk.out");

            var run = Task.Run(() => Outcome(caseDir, output, backend));
            if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)) != run)
            {
                failures.Add($"case {i} ({backend}) did not finish in 60 s\n{text}");
                break;
            }

            var outcome = await run;
            outcomes[outcome.Split(':')[0]] = outcomes.GetValueOrDefault(outcome.Split(':')[0]) + 1;
            if (outcome.StartsWith("bug", StringComparison.Ordinal))
            {
                failures.Add($"case {i} (seed {Seed}, --mesh {backend}): {outcome}\n--- input ---\n{text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
        Assert.True(outcomes.GetValueOrDefault("synthesized") > 0 && outcomes.GetValueOrDefault("rejected") > 0,
            $"the mutations should produce both outcomes: {string.Join(", ", outcomes)}");
    }

    private static string Outcome(string directory, string output, string backend)
    {
        try
        {
            var project = ComposeLoader.Load(new LoadOptions { Files = ["compose.yaml"], WorkingDirectory = directory, Environment = new Dictionary<string, string>() });
            var result = EcsSynthesis.Synthesize(project, new SynthOptions { Mesh = backend, OutputDirectory = output, Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fuzz" }, Synth.Backends);
            return File.Exists(Path.Combine(output, result.Templates[0])) ? "synthesized" : "bug: no template written";
        }
        catch (InvalidInputException e)
        {
            if (Directory.Exists(output))
            {
                return "bug: an output folder was left after an input error";
            }

            return e.Errors.Any() && e.Errors.All(d => d.Location.IsKnown) ? "rejected" : $"bug: an error without a location: {e.Message}";
        }
        catch (Exception e)
        {
            return $"bug: {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }
}
