using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Cli;

/// <summary>
/// <c>synth</c>'s stack layout: <c>--layout FILE</c> (default <c>compose2ecs.layout.txt</c> beside
/// the first compose file; none when that file is stdin) and <c>--rebalance</c>.
/// </summary>
public sealed class LayoutOptions
{
    public Option<string?> File { get; } = new("--layout")
    {
        Description = $"Stack layout file: the template each service's resources live in, read back so no service ever moves (default: {StackLayoutFile.DefaultName} beside the first compose file)",
        HelpName = "FILE",
    };

    public Option<bool> Rebalance { get; } = new("--rebalance")
    {
        Description = $"Place every service anew, as without a layout file; print what moves and write the stack refactor mapping ({StackRefactorMapping.FileName}) into the output",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(Rebalance);
    }

    /// <summary>The layout file's full path and the name errors show, or null for a compose file read from stdin without <c>--layout</c>.</summary>
    public (string Path, string Shown)? Locate(ParseResult result, ComposeProject project, string workingDirectory)
    {
        var given = result.GetValue(File);
        string path;
        if (given is not null)
        {
            path = System.IO.Path.GetFullPath(given, workingDirectory);
        }
        else if (project.Files.IsEmpty || System.IO.Path.GetFileName(project.Files[0]) == LoadOptions.StandardInputName)
        {
            return null;
        }
        else
        {
            path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(project.Files[0], workingDirectory))!, StackLayoutFile.DefaultName);
        }

        var relative = System.IO.Path.GetRelativePath(workingDirectory, path);
        return (path, relative.StartsWith("..", StringComparison.Ordinal) ? path : relative);
    }

    /// <summary>The warning for a split application whose placement cannot be kept (its compose file came from stdin).</summary>
    public static Diagnostic NotKept(int nested) => Diagnostic.Warning(SourceLocation.None, CliDiagnosticCodes.LayoutNotKept,
        $"the compose file came from stdin, so no stack layout file is read or written, and the {nested} nested stacks are placed from the names alone: a later run may move services between stacks; give --layout FILE to keep placement");

    /// <summary>One line per service that moves: <c>services.api: ServiceGroup1 -> ServiceGroup3 (9 resources)</c>; nested stacks that change parent after them.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<ResourceMove> moves)
    {
        static string Show(string path) => path.Length == 0 ? "root" : path;
        foreach (var group in moves.Where(m => m.Owner is not null).GroupBy(m => m.Owner!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var paths = group.GroupBy(m => (m.From, m.To)).OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
                .Select(g => $"{Show(g.Key.From)} -> {Show(g.Key.To)} ({g.Count()} resource{(g.Count() == 1 ? "" : "s")})");
            yield return $"rebalance: services.{group.Key}: {string.Join(", ", paths)}";
        }

        foreach (var move in moves.Where(m => m.Owner is null))
        {
            yield return $"rebalance: nested stack {move.LogicalId}: under {Show(move.From)} -> under {Show(move.To)}";
        }
    }
}
