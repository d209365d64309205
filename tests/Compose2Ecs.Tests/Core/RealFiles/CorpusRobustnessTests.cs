using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Core.Tests.RealFiles;

/// <summary>
/// No input in the corpus, and no truncation of any corpus file at any line, makes the
/// loader throw anything but its own error type. The full depth (<see cref="TestDepth"/>) cuts
/// each file at every line; the quick depth at about 60 evenly spaced lines of it (each load
/// reads the whole prefix, so a cut at every line costs the square of the file's length).
/// </summary>
public class CorpusRobustnessTests
{
    public static TheoryData<string> Files() => [.. Corpus.Entries.Select(e => e.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_truncation_loads_or_fails_with_an_input_error(string file)
    {
        var entry = Corpus.Entry(file);
        var lines = File.ReadAllLines(entry.TreePath);
        using var project = new TempProject();
        var outcomes = new List<string>();
        var step = TestDepth.Full ? 1 : Math.Max(1, lines.Length / 60);
        var cuts = Enumerable.Range(0, lines.Length + 1).Where(count => count % step == 0 || count == lines.Length).ToList();
        foreach (var count in cuts)
        {
            project.With("compose.yaml", string.Join("\n", lines.Take(count)));
            try
            {
                ComposeLoader.Load(project.Options(new Dictionary<string, string>(), "compose.yaml"));
                outcomes.Add("ok");
            }
            catch (InvalidInputException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
                outcomes.Add("error");
            }
        }

        // The empty file and the whole file are both among the cases.
        Assert.Equal(0, cuts[0]);
        Assert.Equal(lines.Length, cuts[^1]);
        Assert.Equal(cuts.Count, outcomes.Count);
    }
}
