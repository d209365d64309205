namespace Compose2Ecs.Core.Diagnostics;

/// <summary>
/// Collects errors, warnings and notes so a stage can report every problem at once, in the order
/// found, instead of stopping at the first.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public IEnumerable<Diagnostic> Errors => _items.Where(d => d.Severity == Severity.Error);

    /// <summary>
    /// Everything that does not stop the stage: warnings and notes. Stages pass these on together
    /// (a plan's <c>Warnings</c>); the CLI tells the two apart by <see cref="Diagnostic.Severity"/>.
    /// </summary>
    public IEnumerable<Diagnostic> Warnings => _items.Where(d => d.Severity != Severity.Error);

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Error(SourceLocation location, string code, string message) => _items.Add(Diagnostic.Error(location, code, message));

    public void Warning(SourceLocation location, string code, string message) => _items.Add(Diagnostic.Warning(location, code, message));

    public void Note(SourceLocation location, string code, string message) => _items.Add(Diagnostic.Note(location, code, message));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Throws <see cref="InvalidInputException"/> with every diagnostic so far, if any is an error.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new InvalidInputException(_items);
        }
    }
}
