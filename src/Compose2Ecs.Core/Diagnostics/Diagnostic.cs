namespace Compose2Ecs.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One finding about the input. Rendered as <c>file:line:col: error: text</c>, the format
/// editors and CI systems annotate.
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Message)
{
    public static Diagnostic Error(SourceLocation location, string message) => new(Severity.Error, location, message);

    public static Diagnostic Warning(SourceLocation location, string message) => new(Severity.Warning, location, message);

    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        return Location.IsKnown ? $"{Location}: {kind}: {Message}" : $"{kind}: {Message}";
    }
}
