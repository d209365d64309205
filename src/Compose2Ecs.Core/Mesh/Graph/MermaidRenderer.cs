using System.Text;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Draws a <see cref="MeshGraph"/> as a Mermaid flowchart (renders on GitHub, GitLab and in
/// editors). Ids are made only of letters, digits and '_' so no name can break the syntax or
/// hit a keyword such as <c>end</c>; labels are quoted with Mermaid's entity escapes.
/// </summary>
public static class MermaidRenderer
{
    public static string Render(MeshGraph graph)
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var (open, close) = Shape(node.Kind);
            text.Append($"  {Id(node.Key)}{open}\"{Label(node.Lines)}\"{close}\n");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind == GraphEdgeKind.Direct ? "-.->" : "-->";
            var label = edge.Label.Length > 0 ? $"|\"{Escape(edge.Label)}\"|" : "";
            text.Append($"  {Id(edge.From)} {arrow}{label} {Id(edge.To)}\n");
        }

        // Plain services are drawn dashed: they are outside the mesh.
        var plain = graph.Nodes.Where(n => n.Kind == GraphNodeKind.PlainService).Select(n => Id(n.Key)).ToList();
        if (plain.Count > 0)
        {
            text.Append("  classDef plain stroke-dasharray: 5 5\n");
            text.Append($"  class {string.Join(",", plain)} plain\n");
        }

        return text.ToString();
    }

    private static (string Open, string Close) Shape(GraphNodeKind kind) => kind switch
    {
        GraphNodeKind.Internet => ("((", "))"),
        GraphNodeKind.Gateway => ("[/", "\\]"),
        GraphNodeKind.Route => ("{{", "}}"),
        GraphNodeKind.OutboundOnlyService => ("([", "])"),
        _ => ("[", "]"),
    };

    /// <summary>
    /// An id from a node key: <c>s_</c> + name for a service, <c>r_</c> + name for a route. In the
    /// name, letters and digits stay and every other character becomes '_' and a code ('__' for
    /// '_', '_h' for '-', '_d' for '.', else '_x' + hex + '_'), so distinct keys give distinct ids.
    /// </summary>
    public static string Id(string key) => key switch
    {
        _ when key.StartsWith("service:", StringComparison.Ordinal) => "s_" + Encode(key["service:".Length..]),
        _ when key.StartsWith("route:", StringComparison.Ordinal) => "r_" + Encode(key["route:".Length..]),
        _ => Encode(key),
    };

    private static string Encode(string name)
    {
        var id = new StringBuilder();
        foreach (var c in name)
        {
            id.Append(c switch
            {
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                '_' => "__",
                '-' => "_h",
                '.' => "_d",
                _ => $"_x{(int)c:x}_",
            });
        }

        return id.ToString();
    }

    private static string Label(IEnumerable<string> lines) => string.Join("<br/>", lines.Select(Escape));

    /// <summary>Mermaid entity codes for the characters that end or confuse a quoted label.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '|' => "#124;",
                // A raw newline (or any control character) would end the label and start a line of diagram text.
                _ when char.IsControl(c) => $"#{(int)c};",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
