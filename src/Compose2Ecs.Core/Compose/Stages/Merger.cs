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
/// <c>secrets</c> and <c>configs</c> by target; other lists append without duplicates;</item>
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

    private static string ChildPath(string path, string key) =>
        path == "services" ? "services.*" : path.Length == 0 ? key : $"{path}.{key}";

    private static Node MergeValues(Node baseValue, Node overrideValue, string path)
    {
        if (ReplacedWhole.Contains(path) || baseValue.GetType() != overrideValue.GetType())
        {
            return StripResets(overrideValue);
        }

        return (baseValue, overrideValue) switch
        {
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
            "services.*.volumes" or "services.*.secrets" or "services.*.configs" => TargetKey,
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
                items[index] = item;
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

    private static string TargetKey(Node node) => node is MappingNode m
        ? m["target"] is { } t ? Text(t) : Text(m["source"])
        : Text(node);

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
