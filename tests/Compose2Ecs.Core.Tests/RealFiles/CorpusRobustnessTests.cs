using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Core.Tests.RealFiles;

/// <summary>
/// No input in the corpus, and no truncation of any corpus file at any line, makes the
/// loader throw anything but its own error type.
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
        for (var count = 0; count <= lines.Length; count++)
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
        Assert.Equal(lines.Length + 1, outcomes.Count);
    }
}
