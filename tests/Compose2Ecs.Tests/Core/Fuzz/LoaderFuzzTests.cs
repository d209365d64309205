using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Core.Tests.Fuzz;

/// <summary>
/// Mutated corpus files, with a fixed seed, never crash or hang the loader: every case ends
/// in a project or in <see cref="InvalidInputException"/> with located errors. 400 cases at the
/// quick depth, 1,500 at the full depth (<see cref="TestDepth"/>).
/// A longer run: C2E_FUZZ_CASES=20000 C2E_FUZZ_SEED=7 dotnet test --project tests/Compose2Ecs.Tests --filter LoaderFuzzTests
/// </summary>
public class LoaderFuzzTests
{
    private static int Cases => TestDepth.Pick(quick: 400, full: 1500, overrideVariable: "C2E_FUZZ_CASES");

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("C2E_FUZZ_SEED"), out var s) ? s : 20261121;

    [Fact]
    public async Task Mutated_corpus_files_load_or_fail_cleanly()
    {
        var mutator = new ComposeMutator(Seed);
        var files = Corpus.Entries.Select(e => File.ReadAllText(e.TreePath)).ToArray();
        using var project = new TempProject();
        var failures = new List<string>();
        int loaded = 0, rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var text = mutator.Mutate(files[i % files.Length]);
            project.With("compose.yaml", text);
            var run = Task.Run(() =>
            {
                try
                {
                    ComposeLoader.Load(project.Options(new Dictionary<string, string>(), "compose.yaml"));
                    return "ok";
                }
                catch (InvalidInputException e)
                {
                    return e.Errors.Any() && e.Errors.All(d => d.Location.IsKnown) ? "rejected" : $"error without location: {e.Message}";
                }
                catch (Exception e)
                {
                    return $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
                }
            });

            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
            if (finished != run)
            {
                failures.Add($"case {i}: hung for 10 s\n{text}");
                break;
            }

            switch (await run)
            {
                case "ok":
                    loaded++;
                    break;
                case "rejected":
                    rejected++;
                    break;
                default:
                    failures.Add($"case {i} (seed {Seed}): {await run}\n--- input ---\n{text}");
                    break;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
        Assert.Equal(Cases, loaded + rejected);
        Assert.True(loaded > 0 && rejected > 0, $"the mutations should produce both outcomes ({loaded} loaded, {rejected} rejected)");
    }
}
