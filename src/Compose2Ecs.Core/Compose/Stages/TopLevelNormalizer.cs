using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 3b, per file: the top-level networks, volumes, secrets and configs as compose-go
/// normalizes them. Each section is a mapping; <c>external: {name: x}</c> becomes
/// <c>external: true</c> with <c>name: x</c>; labels lists become mappings; a secret or config
/// file and a local bind volume's device are host paths; an external resource takes no driver
/// or labels; a secret or config says where it comes from.
/// </summary>
internal sealed class TopLevelNormalizer(DiagnosticBag diagnostics, string baseDirectory, string? home)
{
    private readonly NodeReader _check = new(diagnostics, NodeRules.Compose);

    public MappingNode Normalize(MappingNode root)
    {
        foreach (var section in new[] { "networks", "volumes", "secrets", "configs" })
        {
            if (root[section] is not { } value || value is ScalarNode { IsNull: true })
            {
                continue;
            }

            if (value is not MappingNode map)
            {
                _check.Error(value, ComposeDiagnosticCodes.WrongType, section, $"must be a mapping of names to definitions, not {value.KindName}");
                root = root.Without(section);
                continue;
            }

            var entries = ImmutableArray.CreateBuilder<MappingEntry>();
            foreach (var entry in map.Entries)
            {
                var path = $"{section}.{entry.Name}";
                if (entry.Value is ScalarNode { IsNull: true } || entry.Name.StartsWith("x-", StringComparison.Ordinal))
                {
                    entries.Add(entry);
                    continue;
                }

                if (entry.Value is not MappingNode definition)
                {
                    _check.Error(entry.Value, ComposeDiagnosticCodes.WrongType, path, $"must be a mapping, not {entry.Value.KindName}");
                    continue;
                }

                entries.Add(entry with { Value = Definition(section, path, definition) with { Tag = entry.Value.Tag } });
            }

            root = root.With(section, map with { Entries = entries.ToImmutable() });
        }

        return root;
    }

    private MappingNode Definition(string section, string path, MappingNode definition)
    {
        definition = External(path, definition);
        var external = definition["external"] is ScalarNode e && CoreSchema.TryGetBool(e.Value, out var isExternal) && isExternal;
        if (external && section is "networks" or "volumes")
        {
            foreach (var key in new[] { "driver", "driver_opts", "labels" })
            {
                if (definition.Find(key) is { } conflicting)
                {
                    _check.Error(conflicting.Key, ComposeDiagnosticCodes.ConflictingKeys, path, $"\"external\" and \"{key}\" cannot be set together: an external {section[..^1]} is made elsewhere; remove {key} or external");
                }
            }
        }

        if (definition["labels"] is { } labels and not ScalarNode { IsNull: true })
        {
            definition = definition.With("labels", LabelMap(labels, $"{path}.labels"));
        }

        if (section is "secrets" or "configs")
        {
            if (definition["file"] is ScalarNode { IsNull: false } file)
            {
                definition = definition.With("file", ScalarNode.String(LocalPaths.Resolve(file.Value, baseDirectory, home), file.Location));
            }
            else if (!external && definition["environment"] is null && definition["content"] is null && definition["driver"] is null)
            {
                // compose-go refuses it; a warning here, so that validate and migrate read such a file, and
                // synth refuses it where a service uses it (it has no value ECS could take).
                diagnostics.Warning(definition.Location, ComposeDiagnosticCodes.SourcelessDefinition,
                    $"{path}: a {section[..^1]} needs \"file\", \"environment\"{(section == "configs" ? ", \"content\"" : "")} or \"external: true\" (docker compose refuses it)");
            }
        }

        if (section == "volumes" && definition["driver_opts"] is MappingNode options
            && options["o"] is ScalarNode { IsNull: false } o && o.Value.Split(',').Contains("bind")
            && options["device"] is ScalarNode { IsNull: false } device)
        {
            definition = definition.With("driver_opts", options.With("device", ScalarNode.String(LocalPaths.Resolve(device.Value, baseDirectory, home), device.Location)));
        }

        return definition;
    }

    /// <summary>The legacy <c>external: {name: x}</c>: external, named x (a different top-level name conflicts).</summary>
    private MappingNode External(string path, MappingNode definition)
    {
        if (definition["external"] is not MappingNode external)
        {
            return definition;
        }

        var result = definition.With("external", ScalarNode.Bool(true, external.Location));
        if (external["name"] is ScalarNode { IsNull: false } externalName)
        {
            if (definition["name"] is ScalarNode { IsNull: false } name && name.Value != externalName.Value)
            {
                _check.Error(externalName, ComposeDiagnosticCodes.ConflictingKeys, path, "name and external.name conflict; keep only name (external.name is obsolete)");
            }

            result = result.With("name", ScalarNode.String(externalName.Value, externalName.Location));
        }

        return result;
    }

    private Node LabelMap(Node node, string path)
    {
        if (node is MappingNode)
        {
            return node;
        }

        if (node is not SequenceNode seq)
        {
            _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a mapping or a list of \"key=value\" strings, not {node.KindName}");
            return node;
        }

        var entries = new List<MappingEntry>();
        foreach (var item in seq.Items)
        {
            if (_check.Text(item, path) is not { } text)
            {
                continue;
            }

            var eq = text.IndexOf('=', StringComparison.Ordinal);
            entries.RemoveAll(e => e.Name == (eq < 0 ? text : text[..eq]));
            entries.Add(new MappingEntry(ScalarNode.String(eq < 0 ? text : text[..eq], item.Location), ScalarNode.String(eq < 0 ? "" : text[(eq + 1)..], item.Location)));
        }

        return new MappingNode([.. entries], node.Location);
    }
}
