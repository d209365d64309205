namespace Compose2Ecs.Cli;

/// <summary>
/// Where a command reads and writes: the real console in the tool, string writers in tests
/// (so tests run the whole command line in-process and read exactly what a user sees).
/// </summary>
public sealed record Console2(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    /// <summary>The process environment; tests pass their own.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
