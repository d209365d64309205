namespace Compose2Ecs.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,

    /// <summary>
    /// Informational: something the tool did for the user (an address rewritten to one the mesh
    /// takes), not a risk of breakage. Printed and suppressible like a warning, but never counted
    /// as one, never made an error by --warnings-as-errors and never changing the exit status.
    /// </summary>
    Note,
}

/// <summary>
/// One finding about the input (an error, a warning, or a note of what was done for the user). Rendered as <c>file:line:col: error: text [C2E1004]</c>, the
/// format editors and CI systems annotate (the code in brackets, as gcc and clang print theirs,
/// so a reader sees the message first).
/// </summary>
/// <remarks>
/// <see cref="Code"/> is the stable identity of the finding: tests assert it instead of the
/// wording, users suppress or promote warnings by it (<c>--warnings-as-errors C2E1004</c>), and
/// repeats are grouped by it. Codes are declared as constants in <c>*DiagnosticCodes</c> classes,
/// one per area, and listed in docs/diagnostics.md (a test keeps the two equal). Every finding
/// has one: the factories here and in <see cref="DiagnosticBag"/> take it.
/// </remarks>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Message)
{
    /// <summary>The stable code, <c>C2E</c> and four digits (null only for a finding made with the bare constructor, which the tool does not do).</summary>
    public string? Code { get; init; }

    public static Diagnostic Note(SourceLocation location, string code, string message) =>
        new(Severity.Note, location, message) { Code = code };

    public static Diagnostic Error(SourceLocation location, string code, string message) =>
        new(Severity.Error, location, message) { Code = code };

    public static Diagnostic Warning(SourceLocation location, string code, string message) =>
        new(Severity.Warning, location, message) { Code = code };

    public override string ToString()
    {
        var kind = Word(Severity);
        var text = Code is null ? Message : $"{Message} [{Code}]";
        return Location.IsKnown ? $"{Location}: {kind}: {text}" : $"{kind}: {text}";
    }

    /// <summary>The word printed for a severity (<c>error</c>, <c>warning</c>, <c>note</c>), as gcc and clang print theirs.</summary>
    public static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
