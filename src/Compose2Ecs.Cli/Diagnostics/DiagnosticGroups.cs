using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli.Diagnostics;

/// <summary>One printed line: a diagnostic, or repeats of it folded together.</summary>
/// <param name="First">The first of the group in file order: its location is the line's.</param>
/// <param name="Services">The services the repeats are about, in file order (empty when not about services).</param>
public sealed record DiagnosticGroup(Diagnostic First, string Text, int Count, IReadOnlyList<string> Services);

/// <summary>
/// Folds repeats into one line: warnings (and notes) with the same severity, code and message once the
/// service name is masked (<c>services.web.restart: ignored ...</c> and <c>services.db.restart:
/// ignored ...</c>) become <c>services.{web,db}.restart: ignored ...</c> at the first location.
/// The name elsewhere in the message is masked as well (<c>&lt;service&gt;</c> in the folded line).
/// Works on the message alone, so a warning without a code yet is grouped as well as one with.
/// Errors of the input are never folded: each is a thing to fix at its own line.
/// </summary>
public static partial class DiagnosticGroups
{
    /// <summary>Names shown in one line; the rest are counted (--verbose prints each).</summary>
    private const int ShownServices = 8;

    /// <param name="foldable">Which may fold: warnings, and errors that --warnings-as-errors made of them.</param>
    public static IReadOnlyList<DiagnosticGroup> Fold(IReadOnlyList<Diagnostic> sorted, Func<Diagnostic, bool> foldable)
    {
        var groups = new List<(Diagnostic First, string Masked, string Tail, List<Diagnostic> Members, List<string> Services)>();
        var index = new Dictionary<(Severity, string?, string), int>();
        foreach (var diagnostic in sorted)
        {
            var match = ServicePrefix().Match(diagnostic.Message);
            var service = match.Success ? match.Groups["name"].Value : null;
            var rest = match.Success ? MaskName(match.Groups["rest"].Value, service!) : diagnostic.Message;
            var key = (diagnostic.Severity, diagnostic.Code, match.Success ? "services.{}" + rest : rest);
            if (foldable(diagnostic) && index.TryGetValue(key, out var at))
            {
                groups[at].Members.Add(diagnostic);
                if (service is not null && !groups[at].Services.Contains(service))
                {
                    groups[at].Services.Add(service);
                }

                continue;
            }

            index[key] = groups.Count;
            groups.Add((diagnostic, key.Item3, rest, [diagnostic], service is null ? [] : [service]));
        }

        return [.. groups.Select(g => new DiagnosticGroup(g.First, Text(g.First, g.Tail, g.Members.Count, g.Services), g.Members.Count, g.Services))];
    }

    private static string Text(Diagnostic first, string rest, int count, List<string> services)
    {
        if (count == 1)
        {
            return first.Message;
        }

        if (services.Count > 1)
        {
            var shown = string.Join(",", services.Take(ShownServices));
            var more = services.Count > ShownServices ? $",…+{services.Count - ShownServices}" : "";
            return $"services.{{{shown}{more}}}{rest}";
        }

        return $"{first.Message} ({count} places)";
    }

    /// <summary>
    /// The service's name elsewhere in the message (an image <c>demo:latest-web</c>, a log group) as
    /// <c>&lt;service&gt;</c>, so those repeats fold too. Members of a group then differ only by their
    /// name, so the folded line says exactly what each says.
    /// </summary>
    private static string MaskName(string text, string name) =>
        Regex.Replace(text, $"(?<![A-Za-z0-9]){Regex.Escape(name)}(?![A-Za-z0-9])", "<service>");

    /// <summary><c>services.NAME</c> at the start of a message, NAME as compose allows it.</summary>
    [GeneratedRegex(@"^services\.(?<name>[a-zA-Z0-9][a-zA-Z0-9_.-]*?)(?<rest>(\.|\[|:).*)$", RegexOptions.Singleline)]
    private static partial Regex ServicePrefix();
}
