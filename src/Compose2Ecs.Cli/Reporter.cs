using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>
/// Prints diagnostics on stderr as <c>file:line:col: error|warning: text</c>, the format
/// editors and CI annotate. Warnings are dropped with --quiet; colour only on a terminal.
/// </summary>
public sealed class Reporter
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _error;
    private readonly OutputSettings _settings;

    public Reporter(Console2 console)
    {
        _error = console.Error;
        _settings = console.Output;
    }

    /// <summary>Plain reporting (no colour, warnings shown), for callers without a console.</summary>
    public Reporter(TextWriter error)
    {
        _error = error;
        _settings = OutputSettings.Default;
    }

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == Severity.Warning && _settings.Quiet)
            {
                continue;
            }

            _error.WriteLine(_settings.Color ? Colored(diagnostic) : diagnostic.ToString());
        }
    }

    public void Error(string message) => _error.WriteLine(_settings.Color ? $"{Red}error{Reset}: {message}" : $"error: {message}");

    /// <summary>Extra detail for --verbose.</summary>
    public void Detail(string message)
    {
        if (_settings.Verbose)
        {
            _error.WriteLine(message);
        }
    }

    private static string Colored(Diagnostic diagnostic)
    {
        var (word, color) = diagnostic.Severity == Severity.Error ? ("error", Red) : ("warning", Yellow);
        var where = diagnostic.Location.IsKnown ? $"{diagnostic.Location}: " : "";
        return $"{where}{color}{word}{Reset}: {diagnostic.Message}";
    }
}
