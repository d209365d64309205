using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli.Diagnostics;

public enum DiagnosticFormat
{
    Text,
    Json,
    GitHub,
}

/// <summary>
/// What the command line asked of diagnostics. <paramref name="Promoted"/>: null when
/// --warnings-as-errors is absent, empty for all warnings, else the codes it lists.
/// </summary>
public sealed record DiagnosticPolicy(DiagnosticFormat Format, IReadOnlySet<string>? Promoted, IReadOnlySet<string> Ignored)
{
    public static DiagnosticPolicy Default { get; } = new(DiagnosticFormat.Text, null, new HashSet<string>());

    /// <summary>Ignored by code: the command line's and the project's <c>x-mesh.ignore_warnings</c>. Warnings and notes; errors are never ignored.</summary>
    public bool IsIgnored(Diagnostic diagnostic, IReadOnlySet<string> fromProject) =>
        diagnostic is { Severity: Severity.Warning or Severity.Note, Code: { } code } && (Ignored.Contains(code) || fromProject.Contains(code));

    /// <summary>
    /// A warning --warnings-as-errors turns into an error (a warning without a code only with the bare option).
    /// Never a note, even when its code is listed: a note reports what was done, not a risk.
    /// </summary>
    public bool IsPromoted(Diagnostic diagnostic) =>
        diagnostic.Severity == Severity.Warning && Promoted is { } codes && (codes.Count == 0 || (diagnostic.Code is { } code && codes.Contains(code)));
}
