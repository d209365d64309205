using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli.Diagnostics;

/// <summary>
/// Every diagnostic of one command, held until the command prints them together (<see cref="Flush"/>):
/// in file order whichever stage found them, without the ignored codes, with --warnings-as-errors
/// applied, repeats folded, in the format asked for.
/// </summary>
public sealed class DiagnosticLog(Console2 console)
{
    private readonly List<Diagnostic> _pending = [];

    /// <summary>What <see cref="_pending"/> holds, for the repeat check (a list search was quadratic in the warnings of a large project).</summary>
    private readonly HashSet<Diagnostic> _seen = [];
    private IReadOnlyList<string> _files = [];
    private HashSet<string> _projectIgnores = new(StringComparer.Ordinal);

    /// <summary>Warnings --warnings-as-errors made errors, over the whole run.</summary>
    public int Promoted { get; private set; }

    private DiagnosticPolicy Policy => console.Diagnostics;

    /// <summary>A loaded project: its files give the order, its <c>x-mesh.ignore_warnings</c> the codes to drop; its warnings join the log.</summary>
    public void Loaded(ComposeProject project)
    {
        _files = project.Files;
        _projectIgnores = [.. IgnoredWarnings.Read(project)];
        Add(project.Warnings);
    }

    public void Add(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (_seen.Add(diagnostic))
            {
                _pending.Add(diagnostic);
            }
        }
    }

    public void Error(string code, string message) => _pending.Add(Diagnostic.Error(SourceLocation.None, code, message));

    /// <summary>Stops the command (exit 1, before it writes anything) when a warning so far is an error by --warnings-as-errors.</summary>
    public void ThrowIfPromoted()
    {
        if (_pending.Any(d => Policy.IsPromoted(d) && !Policy.IsIgnored(d, _projectIgnores)))
        {
            throw new WarningsAsErrorsException();
        }
    }

    /// <summary>Prints what is pending, and forgets it.</summary>
    public void Flush()
    {
        var promotedOnes = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        var shown = Sort(_pending)
            .Where(d => !Policy.IsIgnored(d, _projectIgnores))
            .Select(d => Policy.IsPromoted(d) ? Promote(d, promotedOnes) : d)
            .ToList();
        var ignored = _pending.Count - shown.Count;
        var promoted = shown.Count(d => d.Severity == Severity.Error) - _pending.Count(d => d.Severity == Severity.Error);
        Promoted += promoted;
        _pending.Clear();
        _seen.Clear();
        if (console.Output.Quiet)
        {
            shown.RemoveAll(d => d.Severity != Severity.Error);
        }

        var writer = new DiagnosticWriter(console);
        if (Policy.Format == DiagnosticFormat.Json)
        {
            shown.ForEach(writer.Json);
            return;
        }

        var groups = console.Output.Verbose
            ? [.. shown.Select(d => new DiagnosticGroup(d, d.Message, 1, []))]
            : DiagnosticGroups.Fold(shown, d => d.Severity != Severity.Error || promotedOnes.Contains(d));
        foreach (var group in groups)
        {
            writer.Line(group.First with { Message = group.Text });
        }

        // Notes are counted apart: "99 warnings" should say how much may break, not what was done.
        var summary = new[] { Severity.Warning, Severity.Note }
            .Select(severity => (Word: Diagnostic.Word(severity), Count: shown.Count(d => d.Severity == severity), Lines: groups.Count(g => g.First.Severity == severity)))
            .Where(s => s.Count > s.Lines)
            .Select(s => $"{s.Count} {s.Word}s ({s.Lines} kind{(s.Lines == 1 ? "" : "s")})")
            .ToList();
        if (summary.Count > 0)
        {
            console.Error.WriteLine($"{string.Join(", ", summary)}; --verbose for each");
        }

        if (ignored > 0 && console.Output.Verbose)
        {
            console.Error.WriteLine($"{ignored} warnings and notes not shown (x-mesh.ignore_warnings, --ignore-warnings)");
        }

        if (promoted > 0)
        {
            writer.Line(Diagnostic.Error(SourceLocation.None, CliDiagnosticCodes.WarningsPromoted, $"{promoted} warning{(promoted == 1 ? "" : "s")} treated as error{(promoted == 1 ? "" : "s")} (--warnings-as-errors)"));
        }
    }

    private static Diagnostic Promote(Diagnostic warning, HashSet<Diagnostic> promoted)
    {
        var error = warning with { Severity = Severity.Error };
        promoted.Add(error);
        return error;
    }

    /// <summary>
    /// File order: the project's files in their <c>-f</c> order (others after, by name), then line
    /// and column; findings without a location (the command line's) first. Stable.
    /// </summary>
    private List<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = _files.Count - 1; i >= 0; i--)
        {
            rank[_files[i]] = i;
        }

        return
        [
            .. diagnostics
                .OrderBy(d => !d.Location.IsKnown ? -1 : rank.GetValueOrDefault(d.Location.File, _files.Count))
                .ThenBy(d => d.Location.File, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column),
        ];
    }
}

/// <summary>Thrown to stop a command whose warnings --warnings-as-errors made errors; the log says which.</summary>
public sealed class WarningsAsErrorsException() : Exception("warnings treated as errors");
