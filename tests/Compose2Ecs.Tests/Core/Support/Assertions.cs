using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Tests.Support;

public static class DiagnosticAssert
{
    /// <summary>Exactly one error, at line:col, whose text contains every fragment.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> errors, int line, int column, params string[] fragments)
    {
        var error = Assert.Single(errors);
        At(error, line, column, fragments);
        return error;
    }

    public static void At(Diagnostic error, int line, int column, params string[] fragments)
    {
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }
}
