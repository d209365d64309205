using System.Globalization;
using System.Text;
using System.Text.Json;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Schema;

/// <summary>
/// The YAML node a schema failure's instance location (a JSON pointer) names, found by walking
/// the node tree (a <c>!reset</c> item, absent from the JSON, is not counted in indexes), with
/// the nodes above it, its key, its JSON value and its path as messages write it.
/// </summary>
internal sealed record SchemaTarget(Node Node, ScalarNode? Key, IReadOnlyList<Node> Ancestors, JsonElement Value, string Path)
{
    /// <summary>Nodes this shallow are a section or a whole resource: a finding on one of them does not hide the finer ones inside.</summary>
    private const int ContainerDepth = 3;

    public SourceLocation Location(bool atKey) => atKey && Key is not null ? Key.Location : Node.Location;

    public static SchemaTarget? Find(MappingNode root, JsonElement json, IReadOnlyList<string> pointer)
    {
        Node node = root;
        ScalarNode? key = null;
        var ancestors = new List<Node>();
        var path = new StringBuilder();
        foreach (var segment in pointer)
        {
            ancestors.Add(node);
            switch (node)
            {
                case MappingNode map when map.Find(segment) is { } entry:
                    node = entry.Value;
                    key = entry.Key;
                    json = json.ValueKind == JsonValueKind.Object && json.TryGetProperty(segment, out var property) ? property : default;
                    path.Append(path.Length == 0 ? "" : ".").Append(segment);
                    break;
                case SequenceNode seq when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                    var kept = seq.Items.Where(i => !SchemaInstance.IsDropped(i)).ToList();
                    if (index >= kept.Count)
                    {
                        return null;
                    }

                    node = kept[index];
                    key = null;
                    json = json.ValueKind == JsonValueKind.Array && index < json.GetArrayLength() ? json[index] : default;
                    path.Append(CultureInfo.InvariantCulture, $"[{index}]");
                    break;
                default:
                    return null;
            }
        }

        return new SchemaTarget(node, key, ancestors, json, path.Length == 0 ? "(top level)" : path.ToString());
    }

    /// <summary>Whether one of <paramref name="reported"/> is at this node, inside it, or at a finer node above it.</summary>
    public bool Touches(IReadOnlySet<SourceLocation> reported)
    {
        if (reported.Count == 0)
        {
            return false;
        }

        if ((Key is not null && reported.Contains(Key.Location)) || Inside(Node, reported))
        {
            return true;
        }

        return Ancestors.Skip(ContainerDepth).Any(a => reported.Contains(a.Location));
    }

    private static bool Inside(Node node, IReadOnlySet<SourceLocation> reported) => reported.Contains(node.Location) || node switch
    {
        MappingNode map => map.Entries.Any(e => reported.Contains(e.Key.Location) || Inside(e.Value, reported)),
        SequenceNode seq => seq.Items.Any(i => Inside(i, reported)),
        _ => false,
    };
}
