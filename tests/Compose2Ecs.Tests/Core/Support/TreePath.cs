using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Tests.Support;

/// <summary>Reads a loaded project's tree by a dotted path ("services.web.volumes[0].bind.selinux").</summary>
public static class TreePath
{
    public static Node? At(Node root, string path)
    {
        Node? node = root;
        foreach (var raw in path.Split('.'))
        {
            var part = raw;
            var index = -1;
            if (part.EndsWith(']'))
            {
                var open = part.IndexOf('[', StringComparison.Ordinal);
                index = int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                part = part[..open];
            }

            if (part.Length > 0)
            {
                node = (node as MappingNode)?[part];
            }

            if (index >= 0)
            {
                node = node is SequenceNode seq && index < seq.Items.Length ? seq.Items[index] : null;
            }
        }

        return node;
    }

    /// <summary>The scalar text at <paramref name="path"/>, or null when absent.</summary>
    public static string? Text(Node root, string path) => (At(root, path) as ScalarNode)?.Value;

    /// <summary>The scalar texts of the sequence at <paramref name="path"/>.</summary>
    public static string[] Texts(Node root, string path) =>
        At(root, path) is SequenceNode seq ? [.. seq.Items.OfType<ScalarNode>().Select(s => s.Value)] : [];

    public static string[] Keys(Node root, string path) => At(root, path) is MappingNode map ? [.. map.Keys] : [];
}
