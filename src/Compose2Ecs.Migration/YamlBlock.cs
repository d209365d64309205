using System.Text;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Migration;

/// <summary>
/// Builds and writes the new <c>x-mesh</c> sections in the order they are built (the Core's
/// <see cref="NodeWriter"/> sorts keys, which is right for <c>config</c> but would scatter a
/// hand-edited section). Short lists of scalars and small maps of scalars are written in flow
/// style (<c>upstreams: [api, db]</c>, <c>targets: { api-v1: 90, api-v2: 10 }</c>), as people write them.
/// </summary>
internal static class YamlBlock
{
    public static MappingNode Map(params (string Key, Node? Value)[] entries) =>
        new([.. entries.Where(e => e.Value is not null).Select(e => new MappingEntry(ScalarNode.String(e.Key, SourceLocation.None), e.Value!))], SourceLocation.None);

    public static SequenceNode Seq(IEnumerable<Node> items) => new([.. items], SourceLocation.None);

    public static ScalarNode Str(string value) => ScalarNode.String(value, SourceLocation.None);

    public static ScalarNode Int(long value) => ScalarNode.Int(value, SourceLocation.None);

    public static ScalarNode Bool(bool value) => ScalarNode.Bool(value, SourceLocation.None);

    /// <summary><paramref name="key"/>: <paramref name="value"/>, indented by <paramref name="indent"/> spaces, each line ending in <paramref name="newline"/>.</summary>
    public static string Write(string key, Node value, int indent, string newline)
    {
        var output = new StringBuilder();
        Entry(output, key, value, indent);
        return output.ToString().Replace("\n", newline, StringComparison.Ordinal);
    }

    private static void Entry(StringBuilder output, string key, Node value, int indent)
    {
        output.Append(' ', indent).Append(Scalar(Str(key))).Append(':');
        if (Inline(value) is { } inline)
        {
            output.Append(' ').Append(inline).Append('\n');
            return;
        }

        output.Append('\n');
        switch (value)
        {
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    Entry(output, entry.Name, entry.Value, indent + 2);
                }

                break;
            case SequenceNode seq:
                foreach (var item in seq.Items)
                {
                    Item(output, item, indent + 2);
                }

                break;
        }
    }

    private static void Item(StringBuilder output, Node item, int indent)
    {
        if (Inline(item) is { } inline)
        {
            output.Append(' ', indent).Append("- ").Append(inline).Append('\n');
            return;
        }

        if (item is MappingNode map)
        {
            // "- key: value" then the other keys under the first.
            var first = new StringBuilder();
            Entry(first, map.Entries[0].Name, map.Entries[0].Value, indent + 2);
            output.Append(' ', indent).Append("- ").Append(first.ToString().AsSpan(indent + 2));
            foreach (var entry in map.Entries.Skip(1))
            {
                Entry(output, entry.Name, entry.Value, indent + 2);
            }

            return;
        }

        var seq = (SequenceNode)item;
        output.Append(' ', indent).Append("-\n");
        foreach (var inner in seq.Items)
        {
            Item(output, inner, indent + 2);
        }
    }

    /// <summary>A scalar, an empty collection, or a short collection of scalars on one line; null when it needs a block.</summary>
    private static string? Inline(Node node)
    {
        switch (node)
        {
            case ScalarNode s:
                return Scalar(s);
            case SequenceNode { Items.Length: 0 }:
                return "[]";
            case MappingNode { Entries.Length: 0 }:
                return "{}";
            case SequenceNode seq when seq.Items.All(i => i is ScalarNode):
                var list = "[" + string.Join(", ", seq.Items.Select(i => Scalar((ScalarNode)i))) + "]";
                return list.Length <= 80 ? list : null;
            case MappingNode map when map.Entries.Length <= 4 && map.Entries.All(e => e.Value is ScalarNode):
                var flow = "{ " + string.Join(", ", map.Entries.Select(e => $"{Scalar(Str(e.Name))}: {Scalar((ScalarNode)e.Value)}")) + " }";
                return flow.Length <= 80 ? flow : null;
            default:
                return null;
        }
    }

    /// <summary>A scalar as YAML reads it back with the same value and type, through the Core's one writer; with the flow rule for every scalar (quoted if it holds , [ ] { }), as the flow lists and maps written here need.</summary>
    public static string Scalar(ScalarNode scalar) => YamlQuoting.Scalar(scalar, inFlow: true);
}
