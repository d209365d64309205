using System.Collections.Immutable;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 5: merges normalized trees, an override over a base, by the Compose
/// Specification's merge rules. Used for <c>-f</c> layers and for <c>extends</c>.
/// <list type="bullet">
/// <item>mappings merge key by key; scalars are replaced;</item>
/// <item><c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c> are replaced whole;</item>
/// <item><c>ports</c> merge by (host_ip, target, published, protocol); <c>volumes</c>,
/// <c>devices</c>, <c>secrets</c> and <c>configs</c> by target (a secret without one mounts at
/// /run/secrets/source, a config at /source); <c>env_file</c> by path; <c>ipam.config</c> by
/// subnet, field by field; other lists append without duplicates (compose-go's override/uncity.go);</item>
/// <item><c>logging</c> with another driver replaces the whole section (override/merge.go);</item>
/// <item>a value tagged <c>!reset</c> removes the key; <c>!override</c> replaces it whole.</item>
/// </list>
/// </summary>
public static class Merger
{
    public const string ResetTag = "!reset";
    public const string OverrideTag = "!override";

    // Paths whose value is replaced whole, by position in the tree ("*" stands for a service
    // name), so that a service or network named "test" or "command" still merges key by key.
    private static readonly HashSet<string> ReplacedWhole =
        ["services.*.command", "services.*.entrypoint", "services.*.healthcheck.test"];

    /// <summary>Merges two project roots (the <c>services</c> mapping is merged per service).</summary>
    public static MappingNode MergeProjects(MappingNode baseRoot, MappingNode overrideRoot) =>
        MergeMappings(baseRoot, overrideRoot, "");

    /// <summary>Merges one service over another (for extends and for layered files).</summary>
    public static MappingNode MergeServices(MappingNode baseService, MappingNode overrideService) =>
        MergeMappings(baseService, overrideService, "services.*");

    /// <param name="path">Where this mapping sits, as "services.*.healthcheck" ("" for the root).</param>
    private static MappingNode MergeMappings(MappingNode baseMap, MappingNode overrideMap, string path)
    {
        var entries = baseMap.Entries.ToBuilder();
        foreach (var entry in overrideMap.Entries)
        {
            var index = IndexOf(entries, entry.Name);
            if (entry.Value.Tag == ResetTag)
            {
                if (index >= 0)
                {
                    entries.RemoveAt(index);
                }

                continue;
            }

            if (index < 0 || entry.Value.Tag == OverrideTag)
            {
                var value = entry.Value with { Tag = null };
                if (index < 0)
                {
                    entries.Add(entry with { Value = StripResets(value) });
                }
                else
                {
                    entries[index] = entries[index] with { Value = StripResets(value) };
                }

                continue;
            }

            entries[index] = entries[index] with { Value = MergeValues(entries[index].Value, entry.Value, ChildPath(path, entry.Name)) };
        }

        return baseMap with { Entries = entries.ToImmutable() };
    }

    // The name under a top-level section stands as "*", so rules match by position, never by name.
    private static readonly HashSet<string> NamedSections = ["services", "networks", "volumes", "secrets", "configs"];

    private static string ChildPath(string path, string key) =>
        NamedSections.Contains(path) ? $"{path}.*" : path.Length == 0 ? key : $"{path}.{key}";

    private static Node MergeValues(Node baseValue, Node overrideValue, string path)
    {
        if (ReplacedWhole.Contains(path) || baseValue.GetType() != overrideValue.GetType())
        {
            return StripResets(overrideValue);
        }

        return (baseValue, overrideValue) switch
        {
            (MappingNode b, MappingNode o) when path == "services.*.logging" && OtherDriver(b, o) => StripResets(o),
            (MappingNode b, MappingNode o) => MergeMappings(b, o, path),
            (SequenceNode b, SequenceNode o) => MergeSequences(b, o, path),
            _ => overrideValue,
        };
    }

    private static SequenceNode MergeSequences(SequenceNode baseSeq, SequenceNode overrideSeq, string path)
    {
        Func<Node, string>? identity = path switch
        {
            "services.*.ports" => PortKey,
            "services.*.volumes" or "services.*.devices" => node => TargetKey(node, ""),
            "services.*.secrets" => node => TargetKey(node, "/run/secrets/"),
            "services.*.configs" => node => TargetKey(node, "/"),
            "services.*.env_file" => node => node is MappingNode m ? Text(m["path"]) : Text(node),
            "networks.*.ipam.config" => node => node is MappingNode m ? Text(m["subnet"]) : Text(node),
            "services.*.links" => node => node is ScalarNode link ? ProjectDefaults.LinkedService(link.Value) : Text(node),
            _ => null,
        };
        identity ??= Text;

        var items = baseSeq.Items.ToBuilder();
        foreach (var item in overrideSeq.Items)
        {
            var id = identity(item);
            var index = -1;
            for (var i = 0; i < items.Count; i++)
            {
                if (identity(items[i]) == id)
                {
                    index = i;
                    break;
                }
            }

            if (index >= 0)
            {
                // Two ipam.config entries of one subnet merge field by field; elsewhere the override's item wins.
                items[index] = path == "networks.*.ipam.config" ? MergeValues(items[index], item, path + "[]") : item;
            }
            else
            {
                items.Add(item);
            }
        }

        return baseSeq with { Items = items.ToImmutable() };
    }

    private static string PortKey(Node node) => node is MappingNode m
        ? $"{Text(m["host_ip"])}|{Text(m["target"])}|{Text(m["published"])}|{Text(m["protocol"])}"
        : Text(node);

    /// <summary>Where a mount lands: its target, else <paramref name="defaultDirectory"/> + source.</summary>
    private static string TargetKey(Node node, string defaultDirectory) => node is MappingNode m
        ? m["target"] is ScalarNode { IsNull: false } t ? t.Value : defaultDirectory + Text(m["source"])
        : Text(node);

    /// <summary>compose-go merges logging options only when both layers name the same driver, or one names none.</summary>
    private static bool OtherDriver(MappingNode baseLogging, MappingNode overrideLogging) =>
        baseLogging["driver"] is ScalarNode b && overrideLogging["driver"] is ScalarNode o && b.Value != o.Value;

    private static string Text(Node? node) => node switch
    {
        null => "",
        ScalarNode s => s.Value,
        SequenceNode s => "[" + string.Join(",", s.Items.Select(Text)) + "]",
        MappingNode m => "{" + string.Join(",", m.Entries.Select(e => e.Name + ":" + Text(e.Value))) + "}",
        _ => "",
    };

    /// <summary>A <c>!reset</c> in a layer with nothing beneath it simply removes the key.</summary>
    private static Node StripResets(Node node) => node switch
    {
        MappingNode m => m with
        {
            Entries = [.. m.Entries.Where(e => e.Value.Tag != ResetTag).Select(e => e with { Value = StripResets(e.Value) with { Tag = e.Value.Tag == OverrideTag ? null : e.Value.Tag } })],
        },
        _ => node,
    };

    private static int IndexOf(ImmutableArray<MappingEntry>.Builder entries, string key)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Name == key)
            {
                return i;
            }
        }

        return -1;
    }
}
