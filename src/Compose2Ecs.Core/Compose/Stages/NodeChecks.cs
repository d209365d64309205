using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Typed reads of compose nodes that report "what is wrong, what would be right" on failure.
/// The rules are compose-go's: a null where a mapping is required is an error, an empty string
/// is a string, and an unknown key is suggested, not listed (a service has about 90). x-mesh
/// reads through <see cref="Mesh.MeshFields"/> under its own, documented rules; both describe
/// a node (<see cref="Node.Describe"/>) and suggest a name (<see cref="Suggest.DidYouMean"/>) one way.
/// </summary>
internal sealed class NodeChecks(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>An error at <paramref name="node"/> with its stable code (see <see cref="ComposeDiagnosticCodes"/>), prefixed with the key path.</summary>
    public void Error(Node node, string code, string path, string message) => Diagnostics.Error(node.Location, code, $"{path}: {message}");

    public MappingNode? Mapping(Node node, string path)
    {
        if (node is MappingNode map)
        {
            return map;
        }

        Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a mapping, not {node.KindName}");
        return null;
    }

    /// <summary>A string-like scalar (numbers and booleans read as their text, as compose does for strings).</summary>
    public string? Text(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a string, not {node.KindName}");
        return null;
    }

    public long? Integer(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetInt(scalar.Value.Trim(), out var value))
        {
            return value;
        }

        Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a whole number, not {node.Describe()}");
        return null;
    }

    public double? Number(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetFloat(scalar.Value.Trim(), out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a number, not {node.Describe()}");
        return null;
    }

    public bool? Boolean(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetBool(scalar.Value, out var value))
        {
            return value;
        }

        Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be true or false, not {node.Describe()}");
        return null;
    }

    /// <summary>A list of strings, or a single string that becomes a one-item list.</summary>
    public List<string>? StringOrList(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar:
                return [scalar.Value];
            case SequenceNode seq:
                var list = new List<string>();
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (Text(seq.Items[i], $"{path}[{i}]") is { } s)
                    {
                        list.Add(s);
                    }
                }

                return list;
            default:
                Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a string or a list of strings, not {node.KindName}");
                return null;
        }
    }

    /// <summary>Reports keys outside <paramref name="allowed"/> (x- keys pass), suggesting the nearest.</summary>
    public void KnownKeys(MappingNode map, string path, IReadOnlySet<string> allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (!allowed.Contains(entry.Name) && !entry.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                Diagnostics.Error(entry.Key.Location, ComposeDiagnosticCodes.UnknownKey,
                    $"{path}: unknown key \"{entry.Name}\"{Suggest.DidYouMean(entry.Name, allowed)}");
            }
        }
    }
}
