using System.Text;

namespace Compose2Ecs.Core.Mesh;

/// <summary>Draws a <see cref="MeshGraph"/> in Graphviz DOT. Ids and labels are quoted strings, escaped, so any name is safe.</summary>
public static class DotRenderer
{
    public static string Render(MeshGraph graph, string title)
    {
        var text = new StringBuilder();
        text.Append($"digraph {Quote(title)} {{\n");
        text.Append("  rankdir=LR;\n");
        text.Append("  node [shape=box, fontname=\"Helvetica\"];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in graph.Nodes)
        {
            text.Append($"  {Quote(node.Key)} [label={Quote(string.Join("\n", node.Lines))}{Attributes(node.Kind)}];\n");
        }

        foreach (var edge in graph.Edges)
        {
            var attributes = new List<string>();
            if (edge.Label.Length > 0)
            {
                attributes.Add($"label={Quote(edge.Label)}");
            }

            if (edge.Kind == GraphEdgeKind.Direct)
            {
                attributes.Add("style=dashed");
            }

            var suffix = attributes.Count > 0 ? $" [{string.Join(", ", attributes)}]" : "";
            text.Append($"  {Quote(edge.From)} -> {Quote(edge.To)}{suffix};\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Attributes(GraphNodeKind kind) => kind switch
    {
        GraphNodeKind.Internet => ", shape=circle",
        GraphNodeKind.Gateway => ", shape=trapezium",
        GraphNodeKind.Route => ", shape=hexagon",
        GraphNodeKind.OutboundOnlyService => ", style=rounded",
        GraphNodeKind.PlainService => ", style=dashed",
        _ => "",
    };

    /// <summary>A DOT quoted string: backslash, quote and newline escaped; other control characters become spaces, so none reaches the file raw.</summary>
    public static string Quote(string text) =>
        "\"" + string.Concat(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Select(c => char.IsControl(c) ? ' ' : c)) + "\"";
}
