using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Migration;

/// <summary>What <see cref="ComposeXMigrator.Migrate"/> made.</summary>
/// <param name="Text">The compose file with <c>x-mesh</c> in place of <c>x-appmesh</c>.</param>
/// <param name="Backend">The <c>x-mesh.backend</c> written: service-connect when every route is one target, else appmesh (or as asked).</param>
/// <param name="Report">What could not be mapped, or was mapped with a change worth knowing, each at its place in the input.</param>
/// <param name="Normalized">True when the file had to be rewritten in normal form (comments and key order lost), not edited in place.</param>
public sealed record MigrationResult(string Text, string Backend, ImmutableArray<Diagnostic> Report, bool Normalized);

/// <summary>
/// <c>compose2ecs migrate</c>: an ECS ComposeX file with <c>x-appmesh</c> → the same file with an
/// equivalent <c>x-mesh</c>. The file is edited as text, so comments, anchors, quoting and key
/// order survive: the <c>x-appmesh</c> block is replaced by an <c>x-mesh</c> block at the same
/// place, and each service gets its own <c>x-mesh</c> as its first key. Only when the file is not
/// in block style where the edits go (a flow-style <c>services</c>, say) is it rewritten from the
/// parsed tree instead, and the report says so.
/// </summary>
public static partial class ComposeXMigrator
{
    /// <param name="backend">The <c>x-mesh.backend</c> to write; null: service-connect when it can express every route, else appmesh.</param>
    public static MigrationResult Migrate(string text, string file, string? backend = null)
    {
        var documents = YamlReader.ReadDocuments(text, file);
        if (documents.Count != 1 || documents[0] is not MappingNode root)
        {
            throw new InvalidInputException(new SourceLocation(file, 1, 1), "expected one YAML document holding a compose mapping");
        }

        var section = root.Find("x-appmesh")
            ?? throw new InvalidInputException(new SourceLocation(file, 1, 1), "no x-appmesh section: nothing to migrate (migrate reads an ECS ComposeX file that uses App Mesh)");
        if (root.Find("x-mesh") is { } existing)
        {
            throw new InvalidInputException(existing.Key.Location, "x-mesh: the file already has an x-mesh section; remove it, or migrate the ComposeX file it came from");
        }

        var report = new DiagnosticBag();
        var spec = new AppMeshSpecReader(report).Read(section);
        foreach (var entry in spec.Unmapped)
        {
            report.Warning(entry.Key.Location, entry.Name.Equals("Gateways", StringComparison.OrdinalIgnoreCase)
                ? "x-appmesh.Settings.Gateways: ComposeX did not deploy these; declare x-mesh.gateway (a load balancer in front of chosen services) instead"
                : $"x-appmesh: {entry.Name} has no x-mesh equivalent; dropped");
        }

        foreach (var router in spec.Routers)
        {
            foreach (var other in router.OtherRoutes)
            {
                report.Warning(other.Key.Location, $"x-appmesh: router {router.Name} listens with {router.Protocol}, so its {other.Name} routes never applied; dropped");
            }
        }

        var mapped = new MeshMapper(root, spec, report).Map(backend);
        var edited = Edit(text, root, section, mapped);
        if (edited is null)
        {
            report.Warning(section.Key.Location, "the file is written in normal form (keys sorted, comments dropped): it is not in block style where x-mesh goes");
        }

        var sorted = report.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToImmutableArray();
        return new MigrationResult(edited ?? Normalized(root, mapped), mapped.Backend, sorted, edited is null);
    }

    /// <summary>The text with x-appmesh replaced and each service's x-mesh inserted; null when the layout is not one this can edit safely.</summary>
    private static string? Edit(string text, MappingNode root, MappingEntry section, MeshMapper.Result mapped)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (section.Key.Location.Column != 1)
        {
            return null;
        }

        // x-appmesh runs to the next top-level key; comments and blank lines before that key stay with it.
        var start = section.Key.Location.Line - 1;
        var next = root.Entries.Select(e => e.Key.Location.Line - 1).Where(l => l > start).DefaultIfEmpty(lines.Count).Min();
        var end = next;
        while (end > start + 1 && (lines[end - 1].Trim().Length == 0 || lines[end - 1].TrimStart().StartsWith('#')))
        {
            end--;
        }

        var removed = string.Join("\n", lines.Skip(start).Take(end - start));
        var kept = string.Join("\n", lines.Take(start).Concat(lines.Skip(end)));
        if (Anchor().Matches(removed).Any(m => kept.Contains("*" + m.Groups[1].Value, StringComparison.Ordinal)))
        {
            return null; // an anchor defined in x-appmesh is used elsewhere
        }

        var edits = new List<(int Line, int Remove, string Insert)>
        {
            (start, end - start, YamlBlock.Write("x-mesh", mapped.TopLevel, 0, "\n").TrimEnd('\n')),
        };
        if (!mapped.Services.IsEmpty)
        {
            if (root.Find("services") is not { Value: MappingNode services } servicesEntry || servicesEntry.Key.Location.Column != 1)
            {
                return null;
            }

            foreach (var (name, mesh) in mapped.Services)
            {
                if (services.Find(name) is not { } entry || ChildIndent(lines, entry) is not { } indent)
                {
                    return null;
                }

                edits.Add((entry.Key.Location.Line, 0, YamlBlock.Write("x-mesh", mesh, indent, "\n").TrimEnd('\n')));
            }

            // A service that merges another (<<: *base) would inherit the x-mesh now written into the base: keep it out explicitly.
            var starts = services.Entries.Select(e => e.Key.Location.Line - 1).Order().ToList();
            var servicesEnd = root.Entries.Select(e => e.Key.Location.Line - 1).Where(l => l > servicesEntry.Key.Location.Line - 1).DefaultIfEmpty(lines.Count).Min();
            foreach (var entry in services.Entries.Where(e => !mapped.Services.Any(m => m.Service == e.Name)))
            {
                var first = entry.Key.Location.Line;
                var last = starts.Where(l => l >= first).DefaultIfEmpty(servicesEnd).Min();
                if (lines.Skip(first).Take(last - first).Any(l => l.TrimStart().StartsWith("<<:", StringComparison.Ordinal))
                    && ChildIndent(lines, entry) is { } indent)
                {
                    edits.Add((first, 0, new string(' ', indent) + "x-mesh: false"));
                }
            }
        }

        foreach (var (line, remove, insert) in edits.OrderByDescending(e => e.Line))
        {
            lines.RemoveRange(line, remove);
            lines.InsertRange(line, insert.Split('\n'));
        }

        return string.Join(newline, lines) + newline;
    }

    /// <summary>The indentation of a service's keys, when its key ends its line (block style) and its body follows.</summary>
    private static int? ChildIndent(List<string> lines, MappingEntry entry)
    {
        var keyLine = entry.Key.Location.Line - 1;
        if (entry.Value is not MappingNode || keyLine >= lines.Count || !BlockKey().IsMatch(lines[keyLine]))
        {
            return null;
        }

        var keyIndent = entry.Key.Location.Column - 1;
        foreach (var line in lines.Skip(keyLine + 1))
        {
            var body = line.TrimStart();
            if (body.Length == 0 || body.StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - body.Length;
            return indent > keyIndent && !line.Contains('\t', StringComparison.Ordinal) ? indent : null;
        }

        return null;
    }

    /// <summary>The parsed file with the new sections, written in normal form (the fallback).</summary>
    private static string Normalized(MappingNode root, MeshMapper.Result mapped)
    {
        var result = root.Without("x-appmesh").With("x-mesh", mapped.TopLevel);
        if (result["services"] is MappingNode services)
        {
            foreach (var (name, mesh) in mapped.Services)
            {
                if (services[name] is MappingNode service)
                {
                    services = services.With(name, service.With("x-mesh", mesh));
                }
            }

            result = result.With("services", services);
        }

        return NodeWriter.ToYaml(result).TrimStart('\n');
    }

    [GeneratedRegex(@"&([A-Za-z0-9_.-]+)")]
    private static partial Regex Anchor();

    /// <summary>A mapping key alone on its line: <c>  api:</c>, <c>  "api": &amp;base</c>, <c>  api:   # comment</c>.</summary>
    [GeneratedRegex(@"^\s*(""[^""]*""|'[^']*'|[^\s:#'""{}\[\],&*!|>][^:#]*?)\s*:\s*(&\S+\s*)?(#.*)?$")]
    private static partial Regex BlockKey();
}
