namespace Compose2Ecs.Core.Diagnostics;

/// <summary>
/// The one exception type for bad input. Every stage that rejects input throws this with
/// all the errors it found, each with a location; the CLI prints them and exits 1.
/// Any other exception escaping the tool is a bug.
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <param name="diagnostics">At least one error; warnings found on the way may come with them.</param>
    public InvalidInputException(IEnumerable<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics.ToArray();
    }

    public InvalidInputException(SourceLocation location, string code, string message)
        : this([Diagnostic.Error(location, code, message)])
    {
    }

    /// <summary>The errors, and any warnings found before them, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    private static string Describe(IEnumerable<Diagnostic> errors) =>
        string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
