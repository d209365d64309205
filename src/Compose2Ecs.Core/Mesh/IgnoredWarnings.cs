using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// <c>x-mesh.ignore_warnings: [C2E3001, ...]</c>: the warning codes a project has accepted, which
/// the command line then does not print (nor promote with --warnings-as-errors). A list of codes
/// rather than a switch, so a new kind of warning still shows.
/// </summary>
/// <remarks>
/// Read on its own (not through the mesh model) because every command needs it, <c>config</c>
/// too, which never reads the mesh; the mesh reader checks the list's shape.
/// </remarks>
public static partial class IgnoredWarnings
{
    public const string Key = "ignore_warnings";

    /// <summary>The well-formed codes of the list; anything else is left to <see cref="Check"/> to report.</summary>
    public static ImmutableArray<string> Read(ComposeProject project) =>
        project.Root.Find("x-mesh")?.Value is MappingNode mesh && mesh[Key] is SequenceNode list
            ? [.. list.Items.OfType<ScalarNode>().Select(s => s.Value).Where(IsCode)]
            : [];

    public static bool IsCode(string text) => CodeFormat().IsMatch(text);

    /// <summary>Errors for a list that is not a sequence of codes.</summary>
    internal static void Check(MappingEntry? entry, DiagnosticBag diagnostics)
    {
        if (entry is null)
        {
            return;
        }

        if (entry.Value is not SequenceNode list)
        {
            diagnostics.Error(entry.Value.Location, MeshDiagnosticCodes.WrongKind, $"x-mesh.{Key}: expected a list of warning codes, such as [C2E3001], not {entry.Value.KindName}");
            return;
        }

        for (var i = 0; i < list.Items.Length; i++)
        {
            if (list.Items[i] is not ScalarNode { Type: ScalarType.String } item || !IsCode(item.Value))
            {
                diagnostics.Error(list.Items[i].Location, MeshDiagnosticCodes.NotAWarningCode, $"x-mesh.{Key}[{i}]: {list.Items[i].Describe()} is not a warning code; codes are C2E and four digits, as printed at the end of a warning (docs/diagnostics.md)");
            }
        }
    }

    [GeneratedRegex(@"^C2E[1-9]\d{3}$")]
    private static partial Regex CodeFormat();
}
