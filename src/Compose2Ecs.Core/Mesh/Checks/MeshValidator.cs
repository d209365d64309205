using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>Runs the backend checks registered for a model's backend and reports all their errors at once.</summary>
public static class MeshValidator
{
    /// <summary>The checks of <paramref name="backend"/> among <paramref name="checks"/>.</summary>
    public static IEnumerable<IMeshChecks> For(string backend, IEnumerable<IMeshChecks> checks) =>
        checks.Where(c => string.Equals(c.Backend, backend, StringComparison.Ordinal));

    /// <summary>
    /// Runs the checks for <see cref="MeshModel.Backend"/>; throws <see cref="InvalidInputException"/>
    /// with every error in file order. Returns the warnings (the model's and the checks').
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(MeshModel model, IEnumerable<IMeshChecks> checks, IReadOnlyList<string> files)
    {
        var found = For(model.Backend, checks).SelectMany(c => c.Check(model)).ToList();
        var all = DiagnosticOrder.Sort(model.Warnings.Concat(found), files);
        if (all.Any(d => d.Severity == Severity.Error))
        {
            throw new InvalidInputException(all);
        }

        return all;
    }
}
