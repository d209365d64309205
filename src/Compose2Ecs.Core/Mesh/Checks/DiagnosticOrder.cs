using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Puts diagnostics in file order: by the project's file order (the <c>-f</c> layers), then line,
/// then column; those without a location (command-line problems) first. Stable, so two
/// findings at one key keep the order they were found in.
/// </summary>
internal static class DiagnosticOrder
{
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<string> files)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = files.Count - 1; i >= 0; i--)
        {
            rank[files[i]] = i;
        }

        int FileRank(SourceLocation at) => !at.IsKnown ? -1 : rank.GetValueOrDefault(at.File, files.Count);

        return
        [
            .. diagnostics
                .OrderBy(d => FileRank(d.Location))
                .ThenBy(d => d.Location.IsKnown ? d.Location.File : "", StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column),
        ];
    }
}
