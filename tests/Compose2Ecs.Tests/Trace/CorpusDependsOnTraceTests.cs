using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Trace.Tests;

/// <summary>
/// Issue 15's proof over the whole corpus: every file that loads on its own (with its base, for an
/// override) and has a <c>depends_on</c> synthesizes with every backend, and its calls trace as
/// corpus-depends-on-trace-known-broken.txt lists (each line with why the call cannot work; a
/// refusal is listed by its codes). A call broken and not listed fails; a listed one that works fails too.
/// </summary>
public sealed class CorpusDependsOnTraceTests(ITestOutputHelper log)
{
    private const string ListFile = "corpus-depends-on-trace-known-broken.txt";

    public static TheoryData<string> Files() => [.. Corpus.Entries.Where(e => Loaded(e) is { } p && p.Services.Any(s => !s.DependsOn.IsEmpty)).Select(e => e.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Traces_as_listed_with_every_backend(string file)
    {
        using var dir = new TempDir();
        var broken = CorpusTrace.Broken(dir, Corpus.Entry(file), []);

        var listed = CorpusTrace.Listed(ListFile).Where(l => l.StartsWith(file + " ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        log.WriteLine($"{broken.Count} broken:\n{string.Join("\n", broken)}");
        Assert.True(broken.SetEquals(listed), $"the broken set differs from {ListFile}; actual:\n{string.Join("\n", broken)}");
    }

    /// <summary>The project, or null when the loader refuses the file (then there is nothing to synthesize).</summary>
    private static ComposeProject? Loaded(CorpusEntry entry)
    {
        try
        {
            return Synth.Load(entry.Directory, [.. entry.Files]);
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }
}
