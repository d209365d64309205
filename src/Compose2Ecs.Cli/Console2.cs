namespace Compose2Ecs.Cli;

/// <summary>
/// Where a command reads and writes: the real console in the tool, string writers in tests
/// (so tests run the whole command line in-process and read exactly what a user sees).
/// </summary>
public sealed record Console2(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    /// <summary>The process environment; tests pass their own. Null: the real one.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Opens standard input, for <c>-f -</c>; tests pass their own. Null: none (empty).</summary>
    public Func<Stream>? Input { get; init; }

    /// <summary>Whether stderr is a terminal (colour and progress are for people, not logs).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Set by <see cref="CliApp"/> from --quiet and --verbose before a command runs.</summary>
    public OutputSettings Output { get; set; } = OutputSettings.Default;

    /// <summary>Set by <see cref="CliApp"/> from the diagnostic options before a command runs.</summary>
    public Diagnostics.DiagnosticPolicy Diagnostics { get; set; } = Cli.Diagnostics.DiagnosticPolicy.Default;

    /// <summary>The diagnostics of the running command, printed together by <see cref="CommandRunner"/>.</summary>
    public Diagnostics.DiagnosticLog Log => _log ??= new Diagnostics.DiagnosticLog(this);

    private Diagnostics.DiagnosticLog? _log;
}
