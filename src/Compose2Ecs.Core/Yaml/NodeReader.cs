using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// Typed reads of YAML nodes, the one way the compose loader and the x-mesh reader (and each
/// backend's section reader) read a value. A failed read records an error at the node, prefixed
/// with the key path, that says what is wrong and what would be right, and returns null, so a
/// reader goes on and every error of a file is reported at once. Where compose and x-mesh differ
/// (null sections, empty strings, how an unknown key is reported, the codes), <see cref="NodeRules"/> says.
/// </summary>
public sealed class NodeReader(DiagnosticBag diagnostics, NodeRules rules)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>An error with its stable code, prefixed with the key path.</summary>
    public void Error(SourceLocation at, string code, string path, string message) => Diagnostics.Error(at, code, $"{path}: {message}");

    /// <summary>An error at <paramref name="node"/> with its stable code, prefixed with the key path.</summary>
    public void Error(Node node, string code, string path, string message) => Error(node.Location, code, path, message);

    /// <summary>A warning with its stable code, prefixed with the key path.</summary>
    public void Warning(SourceLocation at, string code, string path, string message) => Diagnostics.Warning(at, code, $"{path}: {message}");

    /// <summary>A mapping; a null value (<c>key:</c> with nothing after it) reads as an empty one if the rules say so.</summary>
    public MappingNode? Mapping(Node node, string path)
    {
        switch (node)
        {
            case MappingNode map:
                return map;
            case ScalarNode { IsNull: true } when rules.NullIsEmptyMapping:
                return MappingNode.Empty(node.Location);
            default:
                // The kind, not the value: where compose wants a mapping, a string written
                // instead may be an environment entry with a secret in it.
                Error(node, rules.WrongKind, path, $"must be a mapping, not {node.KindName}");
                return null;
        }
    }

    /// <summary>A scalar read as text (a number or boolean reads as written); empty only if the rules allow it.</summary>
    public string? Text(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar && (rules.EmptyTextIsValue || scalar.Value.Length > 0))
        {
            return scalar.Value;
        }

        Error(node, rules.WrongKind, path, $"must be a {(rules.EmptyTextIsValue ? "" : "non-empty ")}string, not {node.Describe()}");
        return null;
    }

    /// <summary>Any whole number.</summary>
    public long? Long(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetInt(scalar.Value.Trim(), out var value))
        {
            return value;
        }

        Error(node, rules.WrongKind, path, $"must be a whole number, not {node.Describe()}");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Int(Node node, string path, int min, int max)
    {
        if (node is not ScalarNode scalar || !CoreSchema.TryGetInt(scalar.Value.Trim(), out var value))
        {
            Error(node, rules.WrongKind, path, $"must be a whole number from {min} to {max}, not {node.Describe()}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, rules.OutOfRange, path, $"{value} is out of range; use a whole number from {min} to {max}");
            return null;
        }

        return (int)value;
    }

    public int? Port(Node node, string path) => Int(node, path, 1, 65535);

    /// <summary>A finite number.</summary>
    public double? Number(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetFloat(scalar.Value.Trim(), out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(node, rules.WrongKind, path, $"must be a number, not {node.Describe()}");
        return null;
    }

    public bool? Bool(Node node, string path)
    {
        if (node is ScalarNode scalar && CoreSchema.TryGetBool(scalar.Value, out var value))
        {
            return value;
        }

        Error(node, rules.WrongKind, path, $"must be true or false, not {node.Describe()}");
        return null;
    }

    /// <summary>A Go-style duration longer than zero: <c>15s</c>, <c>1m30s</c>, <c>500ms</c>; with <paramref name="zeroDisables"/>, <c>0s</c> too (an idle timeout of 0 turns it off).</summary>
    public TimeSpan? Duration(Node node, string path, bool zeroDisables = false)
    {
        if (node is not ScalarNode { IsNull: false } scalar || !Durations.TryParse(scalar.Value, out var value))
        {
            Error(node, rules.WrongKind, path, $"{node.Describe()} is not a duration; write one such as 15s, 1m30s or 500ms");
            return null;
        }

        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !zeroDisables))
        {
            Error(node, rules.OutOfRange, path, zeroDisables ? "must be 0s (disabled) or longer" : "must be longer than 0s");
            return null;
        }

        return value;
    }

    /// <summary>One of a fixed set of words, mapped to its value; suggests the nearest on a typo.</summary>
    public T? Choice<T>(Node node, string path, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var given = Written(node);
        if (given is not null && choices.TryGetValue(given, out var value))
        {
            return value;
        }

        NotAChoice(node, path, given, choices.Keys);
        return null;
    }

    /// <summary>One of a fixed set of words, as written; suggests the nearest on a typo.</summary>
    public string? Word(Node node, string path, IReadOnlyCollection<string> words)
    {
        var given = Written(node);
        if (given is not null && words.Contains(given))
        {
            return given;
        }

        NotAChoice(node, path, given, words);
        return null;
    }

    /// <summary>A list of strings (each read as <see cref="Text"/>); a single string reads as a one-item list. Null if any item fails.</summary>
    public ImmutableArray<string>? StringList(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false }:
                return Text(node, path) is { } single ? [single] : null;
            case SequenceNode seq:
                var list = ImmutableArray.CreateBuilder<string>(seq.Items.Length);
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

                return ok ? list.MoveToImmutable() : null;
            default:
                Error(node, rules.WrongKind, path, $"must be a string or a list of strings, not {node.Describe()}");
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
                var valid = rules.ListsValidKeys ? $" (valid keys: {string.Join(", ", allowed)})" : "";
                Error(entry.Key.Location, rules.UnknownKey, path,
                    $"unknown key \"{entry.Name}\"{valid}{Suggest.DidYouMean(entry.Name, allowed)}");
            }
        }
    }

    /// <summary>What the user wrote, if the node is a scalar with a value.</summary>
    private static string? Written(Node node) => node is ScalarNode { IsNull: false } scalar ? scalar.Value : null;

    private void NotAChoice(Node node, string path, string? given, IEnumerable<string> choices) =>
        Error(node, rules.NotAChoice, path,
            $"{node.Describe()} is not one of {string.Join(" | ", choices)}{Suggest.DidYouMean(given ?? "", choices)}");
}
