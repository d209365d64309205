using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>Prints diagnostics on stderr as <c>file:line:col: error|warning: text</c>.</summary>
public sealed class Reporter(TextWriter error)
{
    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }
    }

    public void Error(string message) => error.WriteLine($"error: {message}");
}
