using System.Text.Json;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli.Diagnostics;

/// <summary>
/// Writes one diagnostic on stderr: <c>file:line:col: warning: text [code]</c> (<c>error</c>,
/// <c>warning</c> or <c>note</c>; coloured on a terminal), a JSON object on a line, or a GitHub
/// Actions workflow command (<c>::warning file=F,line=L,col=C,title=CODE::text</c>; a note is
/// <c>::notice</c>), which the run's page shows on the file.
/// </summary>
public sealed class DiagnosticWriter(Console2 console)
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Reset = "\u001b[0m";

    public void Line(Diagnostic diagnostic)
    {
        if (console.Diagnostics.Format == DiagnosticFormat.GitHub)
        {
            console.Error.WriteLine(GitHub(diagnostic));
        }
        else
        {
            console.Error.WriteLine(console.Output.Color ? Colored(diagnostic) : diagnostic.ToString());
        }
    }

    public void Json(Diagnostic diagnostic)
    {
        var known = diagnostic.Location.IsKnown;
        var fields = new Dictionary<string, object?>
        {
            ["code"] = diagnostic.Code,
            ["severity"] = Diagnostic.Word(diagnostic.Severity),
            ["file"] = known ? diagnostic.Location.File : null,
            ["line"] = known && diagnostic.Location.Line > 0 ? diagnostic.Location.Line : null,
            ["column"] = known && diagnostic.Location.Column > 0 ? diagnostic.Location.Column : null,
            ["message"] = diagnostic.Message,
        };
        console.Error.WriteLine(JsonSerializer.Serialize(fields));
    }

    private static string GitHub(Diagnostic diagnostic)
    {
        var properties = new List<string>();
        if (diagnostic.Location.IsKnown)
        {
            properties.Add($"file={Property(diagnostic.Location.File)}");
            if (diagnostic.Location.Line > 0)
            {
                properties.Add($"line={diagnostic.Location.Line}");
                properties.Add($"col={diagnostic.Location.Column}");
            }
        }

        if (diagnostic.Code is { } code)
        {
            properties.Add($"title={code}");
        }

        // GitHub's workflow commands are error, warning and notice.
        var kind = diagnostic.Severity == Severity.Note ? "notice" : Diagnostic.Word(diagnostic.Severity);
        return $"::{kind}{(properties.Count > 0 ? " " + string.Join(",", properties) : "")}::{Data(diagnostic.Message)}";
    }

    /// <summary>The escapes of the workflow-command format (as @actions/core writes them).</summary>
    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Colored(Diagnostic diagnostic)
    {
        var color = diagnostic.Severity switch { Severity.Error => Red, Severity.Warning => Yellow, _ => Cyan };
        var word = Diagnostic.Word(diagnostic.Severity);
        var where = diagnostic.Location.IsKnown ? $"{diagnostic.Location}: " : "";
        var code = diagnostic.Code is null ? "" : $" [{diagnostic.Code}]";
        return $"{where}{color}{word}{Reset}: {diagnostic.Message}{code}";
    }
}
