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
/// <param name="File">The file rewritten: the one of the given files that holds <c>x-appmesh</c>.</param>
public sealed record MigrationResult(string Text, string Backend, ImmutableArray<Diagnostic> Report, bool Normalized, string File);

/// <summary>One compose file given to <c>migrate</c>: its text and the name diagnostics use.</summary>
public sealed record MigrationInput(string Text, string File);

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
    public static MigrationResult Migrate(string text, string file, string? backend = null) => Migrate([new MigrationInput(text, file)], backend);

    /// <summary>
    /// Layered files, as ComposeX ran them (<c>-f base.yml -f override.yml</c>): the services of every
    /// file, merged in order, place the nodes; only the file that holds <c>x-appmesh</c> is rewritten,
    /// each service's <c>x-mesh</c> going into it (an override may add keys to a base's service).
    /// </summary>
    public static MigrationResult Migrate(IReadOnlyList<MigrationInput> files, string? backend = null)
    {
        var roots = new List<MappingNode>();
        foreach (var input in files)
        {
            var documents = YamlReader.ReadDocuments(input.Text, input.File);
            if (documents.Count != 1 || documents[0] is not MappingNode parsed)
            {
                throw new InvalidInputException(new SourceLocation(input.File, 1, 1), MigrationDiagnosticCodes.NotCompose, "expected one YAML document holding a compose mapping");
            }

            if (parsed.Find("x-mesh") is { } existing)
            {
                throw new InvalidInputException(existing.Key.Location, MigrationDiagnosticCodes.AlreadyMigrated, "x-mesh: the file already has an x-mesh section; remove it, or migrate the ComposeX file it came from");
            }

            roots.Add(parsed);
        }

        var holders = Enumerable.Range(0, roots.Count).Where(i => roots[i].Find("x-appmesh") is not null).ToList();
        if (holders.Count == 0)
        {
            throw new InvalidInputException(new SourceLocation(files[0].File, 1, 1), MigrationDiagnosticCodes.NothingToMigrate, "no x-appmesh section: nothing to migrate (migrate reads an ECS ComposeX file that uses App Mesh)");
        }

        if (holders.Count > 1)
        {
            throw new InvalidInputException(roots[holders[1]].Find("x-appmesh")!.Key.Location, MigrationDiagnosticCodes.SeveralSections,
                $"x-appmesh: {files[holders[0]].File} has one too; migrate rewrites one file, so merge the two x-appmesh sections into one first");
        }

        var root = roots[holders[0]];
        var text = files[holders[0]].Text;
        var section = root.Find("x-appmesh")!;

        var report = new DiagnosticBag();
        var spec = new AppMeshSpecReader(report).Read(section);
        foreach (var entry in spec.Unmapped)
        {
            report.Warning(entry.Key.Location, MigrationDiagnosticCodes.NoEquivalent, entry.Name.Equals("Gateways", StringComparison.OrdinalIgnoreCase)
                ? "x-appmesh.Settings.Gateways: ComposeX did not deploy these; declare x-mesh.gateway (a load balancer in front of chosen services) instead"
                : $"x-appmesh: {entry.Name} has no x-mesh equivalent; dropped");
        }

        foreach (var router in spec.Routers)
        {
            foreach (var other in router.OtherRoutes)
            {
                report.Warning(other.Key.Location, MigrationDiagnosticCodes.BehaviourChanges, $"x-appmesh: router {router.Name} listens with {router.Protocol}, so its {other.Name} routes are dropped (ComposeX refused a router with routes of another protocol than its listener's)");
            }

            if (router.GrpcLocation is { } grpc)
            {
                report.Warning(grpc, MigrationDiagnosticCodes.BehaviourChanges, $"x-appmesh: router {router.Name}: ComposeX never created gRPC routes (it logged \"gRPC is not yet supported\"); x-mesh creates this one, so calls to it now follow its rules");
            }
        }

        var mapped = new MeshMapper(roots, spec, report).Map(backend);
        var edited = Edit(text, root, section, mapped, report);
        if (edited is null)
        {
            report.Warning(section.Key.Location, MigrationDiagnosticCodes.OutputChoice, "the file is written in normal form (keys sorted, comments dropped): it is not in block style where x-mesh goes");
        }

        var written = edited ?? Normalized(root, mapped, report);
        ReportDependsOn(mapped, section.Key.Location.File, edited is not null, report);
        var sorted = report.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToImmutableArray();
        return new MigrationResult(written, mapped.Backend, sorted, edited is null, files[holders[0]].File);
    }

    /// <summary>The text with x-appmesh replaced and each service's x-mesh inserted; null when the layout is not one this can edit safely.</summary>
    private static string? Edit(string text, MappingNode root, MappingEntry section, MeshMapper.Result mapped, DiagnosticBag report)
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
            var servicesEntry = root.Find("services");
            var services = servicesEntry?.Value as MappingNode;
            if (servicesEntry is not null && (services is null || services.Entries.IsEmpty || servicesEntry.Key.Location.Column != 1))
            {
                return null;
            }

            var added = new List<string>();
            foreach (var (name, mesh) in mapped.Services)
            {
                if (services?.Find(name) is not { } entry)
                {
                    added.Add(name); // a base file's service: the override gains an entry for it
                    continue;
                }

                if (ChildIndent(lines, entry) is not { } indent)
                {
                    return null;
                }

                var insert = YamlBlock.Write("x-mesh", mesh, indent, "\n").TrimEnd('\n');
                var variables = Variables(mapped, name);
                if (!variables.IsEmpty)
                {
                    // An environment merged in (<<: *base) is another service's lines: neither edited nor replaced.
                    var nextService = services.Entries.Select(e => e.Key.Location.Line).Where(l => l > entry.Key.Location.Line).DefaultIfEmpty(int.MaxValue).Min();
                    var own = ((MappingNode)entry.Value).Find("environment");
                    var inherited = own is not null && (own.Key.Location.Line < entry.Key.Location.Line || own.Key.Location.Line >= nextService);
                    switch (inherited ? null : own)
                    {
                        case null when inherited:
                            // The lines belong to the service the anchor is on: what migrate adds there is
                            // merged into this one too, so only what that service does not get is missing.
                            var owner = services.Entries.LastOrDefault(e => e.Key.Location.Line <= own!.Key.Location.Line);
                            var missing = owner is null ? variables : [.. variables.Except(Variables(mapped, owner.Name))];
                            if (!missing.IsEmpty)
                            {
                                report.Warning(entry.Key.Location, MigrationDiagnosticCodes.EnvironmentByHand, $"services.{name}: ComposeX set {string.Join(", ", missing.Select(v => $"{v.Name}={v.Value}"))} on its task; its environment is merged from {(owner is null ? "another service" : $"services.{owner.Name}")}, so add {(missing.Length > 1 ? "them" : "it")} yourself");
                            }

                            break;
                        case null:
                            insert += "\n" + YamlBlock.Write("environment", VariableMap(variables), indent, "\n").TrimEnd('\n');
                            break;
                        case { } environment when EnvironmentEdit(lines, environment, variables) is { } edit:
                            if (edit.Insert.Length > 0)
                            {
                                edits.Add(edit);
                            }

                            break;
                        case { } environment:
                            report.Warning(environment.Key.Location, MigrationDiagnosticCodes.EnvironmentByHand, $"services.{name}.environment: ComposeX set {string.Join(", ", variables.Select(v => $"{v.Name}={v.Value}"))} here; this environment is not a block migrate can add to, so add {(variables.Length > 1 ? "them" : "it")} yourself");
                            break;
                    }
                }

                edits.Add((entry.Key.Location.Line, 0, insert));
            }

            var keyIndent = services is null ? 2 : services.Entries[0].Key.Location.Column - 1;
            var block = string.Join("\n", mapped.Services.Where(m => added.Contains(m.Service)).Select(m =>
                YamlBlock.Write(m.Service, YamlBlock.Map(("x-mesh", m.Mesh), ("environment", Variables(mapped, m.Service) is { IsEmpty: false } v ? VariableMap(v) : null)), keyIndent, "\n").TrimEnd('\n')));
            if (services is null || servicesEntry is null)
            {
                if (added.Count > 0)
                {
                    edits.Add((start, 0, "services:\n" + block));
                }
            }
            else
            {
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

                if (added.Count > 0)
                {
                    var at = servicesEnd;
                    while (at > servicesEntry.Key.Location.Line && (lines[at - 1].Trim().Length == 0 || lines[at - 1].TrimStart().StartsWith('#')))
                    {
                        at--;
                    }

                    edits.Add((at, 0, block));
                }
            }
        }

        edits.AddRange(DependsOnEdits(lines, section.Key.Location.File, mapped));

        // Bottom up, so earlier lines keep their numbers; at one line the replacement goes first, so what is inserted there lands before it.
        foreach (var (line, remove, insert) in edits.OrderByDescending(e => e.Line).ThenByDescending(e => e.Remove))
        {
            lines.RemoveRange(line, remove);
            lines.InsertRange(line, insert.Split('\n'));
        }

        return string.Join(newline, lines) + newline;
    }

    /// <summary>
    /// The depends_on entries of this file that name a task family, rewritten to the member that
    /// stands for it, in place (one edit per line, right to left, so a flow list with two works).
    /// An entry not written as its plain or quoted name is left, and reported, by <see cref="ReportDependsOn"/>.
    /// </summary>
    private static IEnumerable<(int Line, int Remove, string Insert)> DependsOnEdits(List<string> lines, string file, MeshMapper.Result mapped)
    {
        foreach (var onLine in mapped.DependsOnFamilies.Where(d => d.Member is not null && d.At.File == file).GroupBy(d => d.At.Line))
        {
            var text = lines[onLine.Key - 1];
            foreach (var rename in onLine.OrderByDescending(d => d.At.Column))
            {
                var at = rename.At.Column - 1;
                var quoted = at < text.Length && text[at] is '"' or '\'' ? 1 : 0;
                if (string.CompareOrdinal(text, at + quoted, rename.Family, 0, rename.Family.Length) == 0)
                {
                    text = text[..(at + quoted)] + rename.Member + text[(at + quoted + rename.Family.Length)..];
                }
            }

            yield return (onLine.Key - 1, 1, text);
        }
    }

    /// <summary>A note per depends_on entry that named a task family: what it became, or what to write.</summary>
    private static void ReportDependsOn(MeshMapper.Result mapped, string rewrittenFile, bool edited, DiagnosticBag report)
    {
        foreach (var d in mapped.DependsOnFamilies)
        {
            var prefix = $"services.{d.Service}.depends_on: {d.Family} is a ComposeX task family, and compose's depends_on names services";
            if (d.Member is null)
            {
                report.Warning(d.At, MigrationDiagnosticCodes.DependsOnFamily, $"{prefix}; no one member stands for it, so name the service(s) of the family {d.Service} waits for");
            }
            else if (d.At.File == rewrittenFile && edited)
            {
                report.Warning(d.At, MigrationDiagnosticCodes.DependsOnFamily, $"{prefix}: written as {d.Member}, the member that serves the family");
            }
            else if (d.At.File == rewrittenFile)
            {
                report.Warning(d.At, MigrationDiagnosticCodes.DependsOnFamily, $"{prefix}: written as {d.Member}, the member that serves the family (in normal form)");
            }
            else
            {
                report.Warning(d.At, MigrationDiagnosticCodes.DependsOnFamily, $"{prefix}: this file is not rewritten, so change it to {d.Member} (the member that serves the family) yourself");
            }
        }
    }

    private static ImmutableArray<(string Name, string Value)> Variables(MeshMapper.Result mapped, string service) =>
        [.. mapped.Environment.Where(e => e.Service == service).Select(e => (e.Name, e.Value))];

    private static MappingNode VariableMap(ImmutableArray<(string Name, string Value)> variables) =>
        YamlBlock.Map([.. variables.Select(v => (v.Name, (Node?)YamlBlock.Str(v.Value)))]);

    /// <summary>
    /// The variables added to a block-style <c>environment</c> (a mapping or a <c>KEY=value</c> list),
    /// right under its key; null when it is not a block this can add to. Variables already set stay as they are.
    /// </summary>
    private static (int Line, int Remove, string Insert)? EnvironmentEdit(List<string> lines, MappingEntry environment, ImmutableArray<(string Name, string Value)> variables)
    {
        var keyLine = environment.Key.Location.Line - 1;
        if (!BlockKey().IsMatch(lines[keyLine]))
        {
            return null;
        }

        var (items, set) = environment.Value switch
        {
            MappingNode { Entries.Length: > 0 } map => (map.Entries.Select(e => e.Key.Location).ToList(), map.Entries.Select(e => e.Name).ToHashSet()),
            SequenceNode { Items.Length: > 0 } list => (list.Items.Select(i => i.Location).ToList(), list.Items.OfType<ScalarNode>().Select(i => i.Value.Split('=')[0]).ToHashSet()),
            _ => (null, null),
        };
        if (items is null || set is null || items[0].Line <= environment.Key.Location.Line)
        {
            return null;
        }

        var missing = variables.Where(v => !set.Contains(v.Name)).ToList();
        var indent = items[0].Column - 1;
        var text = environment.Value is MappingNode
            ? missing.Select(v => new string(' ', indent) + YamlBlock.Scalar(YamlBlock.Str(v.Name)) + ": " + YamlBlock.Scalar(YamlBlock.Str(v.Value)))
            : missing.Select(v => new string(' ', indent - 2) + "- " + YamlBlock.Scalar(YamlBlock.Str($"{v.Name}={v.Value}")));
        return (keyLine + 1, 0, string.Join("\n", text)); // empty when every variable is already set
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
    private static string Normalized(MappingNode root, MeshMapper.Result mapped, DiagnosticBag report)
    {
        var result = root.Without("x-appmesh").With("x-mesh", mapped.TopLevel);
        var services = result["services"] as MappingNode ?? MappingNode.Empty(SourceLocation.None);
        foreach (var (name, mesh) in mapped.Services)
        {
            var service = services[name] as MappingNode ?? MappingNode.Empty(SourceLocation.None);
            if (Variables(mapped, name) is { IsEmpty: false } variables)
            {
                // Normal form keeps every value as it was, so the variables are only named here.
                report.Warning(services.Find(name)?.Key.Location ?? root.Find("x-appmesh")!.Key.Location, MigrationDiagnosticCodes.EnvironmentByHand, $"services.{name}: ComposeX set {string.Join(", ", variables.Select(v => $"{v.Name}={v.Value}"))} on its task; add {(variables.Length > 1 ? "them" : "it")} to its environment if the app reads {(variables.Length > 1 ? "them" : "it")}");
            }

            services = services.With(name, service.With("x-mesh", mesh));
        }

        foreach (var d in mapped.DependsOnFamilies.Where(d => d.Member is not null && d.At.File == root.Find("x-appmesh")!.Key.Location.File))
        {
            if (services[d.Service] is MappingNode service && service["depends_on"] is { } dependsOn)
            {
                services = services.With(d.Service, service.With("depends_on", RenameDependency(dependsOn, d.Family, d.Member!)));
            }
        }

        if (!mapped.Services.IsEmpty)
        {
            result = result.With("services", services);
        }

        return NodeWriter.ToYaml(result).TrimStart('\n');
    }

    private static Node RenameDependency(Node dependsOn, string from, string to) => dependsOn switch
    {
        SequenceNode list => list with { Items = [.. list.Items.Select(i => i is ScalarNode s && s.Value == from ? s with { Value = to } : i)] },
        MappingNode map => map with { Entries = [.. map.Entries.Select(e => e.Name == from ? e with { Key = e.Key with { Value = to } } : e)] },
        _ => dependsOn,
    };

    [GeneratedRegex(@"&([A-Za-z0-9_.-]+)")]
    private static partial Regex Anchor();

    /// <summary>A mapping key alone on its line: <c>  api:</c>, <c>  "api": &amp;base</c>, <c>  api:   # comment</c>.</summary>
    [GeneratedRegex(@"^\s*(""[^""]*""|'[^']*'|[^\s:#'""{}\[\],&*!|>][^:#]*?)\s*:\s*(&\S+\s*)?(#.*)?$")]
    private static partial Regex BlockKey();
}
