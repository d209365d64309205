using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Tests;

/// <summary>The note severity: printed as gcc prints it, passed on with the warnings, never an error.</summary>
public sealed class DiagnosticSeverityTests
{
    private static readonly SourceLocation At = new("compose.yaml", 6, 20);

    [Theory]
    [InlineData(Severity.Error, "compose.yaml:6:20: error: ")]
    [InlineData(Severity.Warning, "compose.yaml:6:20: warning: ")]
    [InlineData(Severity.Note, "compose.yaml:6:20: note: ")]
    public void Each_severity_has_its_word_after_the_location(Severity severity, string start)
    {
        var diagnostic = new Diagnostic(severity, At, "m") { Code = "C2E5005" };
        Assert.StartsWith(start, diagnostic.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("[C2E5005]", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bag_passes_notes_on_with_the_warnings_and_they_are_no_errors()
    {
        var bag = new DiagnosticBag();
        bag.Note(At, "C2E5005", "m");
        bag.Warning(At, "C2E5006", "m");

        Assert.False(bag.HasErrors);
        bag.ThrowIfErrors();
        Assert.Equal([Severity.Note, Severity.Warning], bag.Warnings.Select(d => d.Severity));
        Assert.Empty(bag.Errors);
    }
}
