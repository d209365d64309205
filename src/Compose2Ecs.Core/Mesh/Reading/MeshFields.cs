using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Typed reads of x-mesh nodes. Each failed read records an error at the node, prefixed with
/// the key path, that says what is wrong and what would be right, and returns null, so a
/// reader goes on and every error of a file is reported at once. The rules differ from compose's
/// (<c>NodeChecks</c>) on purpose, as docs/x-mesh-reference.md says: <c>key:</c> with nothing after
/// it is an empty section, a name or text value must not be empty, and an unknown key lists the
/// valid ones (a section has few). Nodes are described and names suggested as compose does.
/// </summary>
public sealed class MeshFields(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>An error with its stable code (see <see cref="MeshDiagnosticCodes"/> and the backends' catalogues).</summary>
    public void Error(SourceLocation at, string code, string path, string message) => Diagnostics.Error(at, code, $"{path}: {message}");

    /// <summary>A warning with its stable code.</summary>
    public void Warning(SourceLocation at, string code, string path, string message) => Diagnostics.Warning(at, code, $"{path}: {message}");

    /// <summary>A mapping; a null value (<c>key:</c> with nothing after it) reads as an empty mapping.</summary>
    public MappingNode? Mapping(Node node, string path)
    {
        switch (node)
        {
            case MappingNode map:
                return map;
            case ScalarNode { IsNull: true }:
                return MappingNode.Empty(node.Location);
            default:
                Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"must be a mapping, not {node.Describe()}");
                return null;
        }
    }

    /// <summary>A non-empty scalar, read as text (a number or boolean reads as written).</summary>
    public string? Text(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar && scalar.Value.Length > 0)
        {
            return scalar.Value;
        }

        Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"must be a non-empty string, not {node.Describe()}");
        return null;
    }

    public int? Int(Node node, string path, int min, int max)
    {
        if (node is not ScalarNode scalar || !CoreSchema.TryGetInt(scalar.Value.Trim(), out var value))
        {
            Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"must be a whole number from {min} to {max}, not {node.Describe()}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node.Location, MeshDiagnosticCodes.OutOfRange, path, $"{value} is out of range; use a whole number from {min} to {max}");
            return null;
        }

        return (int)value;
    }

    public int? Port(Node node, string path) => Int(node, path, 1, 65535);

    public bool? Bool(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetBool(scalar.Value, out var value))
        {
            return value;
        }

        Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"must be true or false, not {node.Describe()}");
        return null;
    }

    /// <summary>A Go-style duration longer than zero: <c>15s</c>, <c>1m30s</c>, <c>500ms</c>; with <paramref name="zeroDisables"/>, <c>0s</c> too (an idle timeout of 0 turns it off).</summary>
    public TimeSpan? Duration(Node node, string path, bool zeroDisables = false)
    {
        if (node is not ScalarNode { IsNull: false } scalar || !Durations.TryParse(scalar.Value, out var value))
        {
            Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"{node.Describe()} is not a duration; write one such as 15s, 1m30s or 500ms");
            return null;
        }

        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !zeroDisables))
        {
            Error(node.Location, MeshDiagnosticCodes.OutOfRange, path, zeroDisables ? "must be 0s (disabled) or longer" : "must be longer than 0s");
            return null;
        }

        return value;
    }

    /// <summary>One of a fixed set of words; suggests the nearest on a typo.</summary>
    public T? Choice<T>(Node node, string path, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (node is ScalarNode { IsNull: false } scalar && choices.TryGetValue(scalar.Value, out var value))
        {
            return value;
        }

        var given = node is ScalarNode { IsNull: false } s ? s.Value : "";
        Error(node.Location, MeshDiagnosticCodes.NotAChoice, path,
            $"{node.Describe()} is not one of {string.Join(" | ", choices.Keys)}{Suggest.DidYouMean(given, choices.Keys)}");
        return null;
    }

    /// <summary>One of a fixed set of words, as written; suggests the nearest on a typo.</summary>
    public string? Word(Node node, string path, IReadOnlyCollection<string> words)
    {
        if (node is ScalarNode { IsNull: false } scalar && words.Contains(scalar.Value))
        {
            return scalar.Value;
        }

        var given = node is ScalarNode { IsNull: false } s ? s.Value : "";
        Error(node.Location, MeshDiagnosticCodes.NotAChoice, path, $"{node.Describe()} is not one of {string.Join(" | ", words)}{Suggest.DidYouMean(given, words)}");
        return null;
    }

    /// <summary>A list of non-empty strings; a single string reads as a one-item list.</summary>
    public ImmutableArray<string>? StringList(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar when scalar.Value.Length > 0:
                return [scalar.Value];
            case SequenceNode seq:
                var list = ImmutableArray.CreateBuilder<string>();
                var ok = true;
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (Text(seq.Items[i], $"{path}[{i}]") is { } text)
                    {
                        list.Add(text);
                    }
                    else
                    {
                        ok = false;
                    }
                }

                return ok ? list.ToImmutable() : null;
            default:
                Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"must be a list of strings, not {node.Describe()}");
                return null;
        }
    }

    /// <summary>Reports keys outside <paramref name="allowed"/>, suggesting the nearest. <c>x-</c> keys are the user's own and pass.</summary>
    public void KnownKeys(MappingNode map, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (!allowed.Contains(entry.Name) && !entry.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                Diagnostics.Error(entry.Key.Location, MeshDiagnosticCodes.UnknownKey,
                    $"{path}: unknown key \"{entry.Name}\" (valid keys: {string.Join(", ", allowed)}){Suggest.DidYouMean(entry.Name, allowed)}");
            }
        }
    }
}
