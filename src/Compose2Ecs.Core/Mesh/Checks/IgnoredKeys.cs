using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A key the user wrote that a backend has no use for is said, never silently dropped: one
/// warning per written key, at its location, with the reason. A backend lists its ignored keys
/// as patterns over the model's key paths (<c>x-mesh.routes.*.port</c>, <c>services.*.x-mesh.health_check</c>).
/// </summary>
public static class IgnoredKeys
{
    public sealed record Rule(string Pattern, string Why)
    {
        internal Regex Regex { get; } = new("^" + Regex.Escape(Pattern).Replace(@"\*", "[^.]+", StringComparison.Ordinal).Replace(@"\[]", @"\[\d+]", StringComparison.Ordinal) + "$");
    }

    public static IEnumerable<Diagnostic> Warn(MeshModel model, string backend, IEnumerable<Rule> rules)
    {
        var list = rules.ToList();
        foreach (var (path, location) in model.KeyLocations.OrderBy(k => k.Value.File, StringComparer.Ordinal).ThenBy(k => k.Value.Line).ThenBy(k => k.Value.Column))
        {
            if (list.FirstOrDefault(r => r.Regex.IsMatch(path)) is { } rule)
            {
                yield return Diagnostic.Warning(location, MeshDiagnosticCodes.IgnoredByBackend, $"{path}: ignored by --mesh {backend}: {rule.Why}");
            }
        }
    }
}
