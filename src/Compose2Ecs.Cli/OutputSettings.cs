namespace Compose2Ecs.Cli;

/// <summary>How much to say on stderr, and whether in colour. Set once per run from the global options.</summary>
/// <param name="Progress">A live line on a terminal.</param>
/// <param name="ProgressLines">One line per stage instead, for logs (CI is otherwise silent for the minutes synth takes).</param>
public sealed record OutputSettings(bool Quiet, bool Verbose, bool Color, bool Progress, bool ProgressLines = false)
{
    public static OutputSettings Default { get; } = new(Quiet: false, Verbose: false, Color: false, Progress: false);

    /// <summary>
    /// Colour and progress only when stderr is a terminal; never with NO_COLOR (no-color.org)
    /// or TERM=dumb; no progress with --quiet.
    /// </summary>
    public static OutputSettings For(bool quiet, bool verbose, bool stderrIsTerminal, IReadOnlyDictionary<string, string> environment)
    {
        var noColor = environment.TryGetValue("NO_COLOR", out var value) && value.Length > 0;
        var dumb = environment.TryGetValue("TERM", out var term) && term == "dumb";
        return new OutputSettings(quiet, verbose && !quiet, stderrIsTerminal && !noColor && !dumb, stderrIsTerminal && !quiet && !dumb,
            ProgressLines: !quiet && (!stderrIsTerminal || dumb));
    }
}
