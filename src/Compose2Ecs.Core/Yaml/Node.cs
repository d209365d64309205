using System.Collections.Immutable;
using Compose2Ecs.Core.Collections;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// An immutable YAML node that remembers where it came from. The whole loader works on
/// these trees, so every error, however late, can point at file:line:col.
/// </summary>
public abstract record Node(SourceLocation Location)
{
    /// <summary>A local tag such as <c>!reset</c> or <c>!override</c>; null when untagged.</summary>
    public string? Tag { get; init; }

    /// <summary>A short word for error messages: "a mapping", "a sequence", "a string".</summary>
    public abstract string KindName { get; }

    /// <summary>How the node looks in an error message, for compose keys and x-mesh alike: a scalar's value in quotes, else its kind.</summary>
    public string Describe() => this is ScalarNode { IsNull: false } scalar ? $"\"{scalar.Value}\"" : KindName;
}

/// <summary>How a scalar was written, which decides its type under the YAML 1.2 core schema.</summary>
public enum ScalarStyle
{
    /// <summary>Unquoted: null, bool, int and float are recognised, the rest is a string.</summary>
    Plain,

    /// <summary>Quoted (or built as a string): always a string.</summary>
    String,
}

public sealed record ScalarNode(string Value, ScalarStyle Style, SourceLocation Location) : Node(Location)
{
    public override string KindName => IsNull ? "null" : Type switch
    {
        ScalarType.Bool => "a boolean",
        ScalarType.Int => "a number",
        ScalarType.Float => "a number",
        _ => "a string",
    };

    public ScalarType Type => Style == ScalarStyle.String ? ScalarType.String : CoreSchema.Resolve(Value);

    public bool IsNull => Type == ScalarType.Null;

    public static ScalarNode String(string value, SourceLocation location) => new(value, ScalarStyle.String, location);

    public static ScalarNode Int(long value, SourceLocation location) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarStyle.Plain, location);

    public static ScalarNode Bool(bool value, SourceLocation location) => new(value ? "true" : "false", ScalarStyle.Plain, location);

    public static ScalarNode Null(SourceLocation location) => new("null", ScalarStyle.Plain, location);

    public static ScalarNode Float(double value, SourceLocation location) =>
        new(CoreSchema.FormatFloat(value), ScalarStyle.Plain, location);
}

public sealed record SequenceNode(ImmutableArray<Node> Items, SourceLocation Location) : Node(Location)
{
    public override string KindName => "a sequence";
}

public sealed record MappingEntry(ScalarNode Key, Node Value)
{
    public string Name => Key.Value;
}

public sealed record MappingNode(ImmutableArray<MappingEntry> Entries, SourceLocation Location) : Node(Location)
{
    public override string KindName => "a mapping";

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);

    public Node? this[string key] => Find(key)?.Value;

    /// <summary>Above this many entries a mapping is searched through an index (built once per node).</summary>
    private const int IndexedFrom = 16;

    /// <summary>Indexes of large mappings (a project's services): see <see cref="SideIndex{TOwner, TIndex}"/>.</summary>
    private static readonly SideIndex<MappingNode, Dictionary<string, MappingEntry>> Indexes = new(node => FirstByName.Index(node.Entries, e => e.Key.Value));

    public MappingEntry? Find(string key)
    {
        if (Entries.Length > IndexedFrom)
        {
            return Indexes.Of(this).GetValueOrDefault(key);
        }

        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    public bool Contains(string key) => Find(key) is not null;

    /// <summary>A copy with <paramref name="key"/> set: replaced in place, or appended.</summary>
    public MappingNode With(string key, Node value, SourceLocation? keyLocation = null)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Key.Value == key)
            {
                return this with { Entries = Entries.SetItem(i, Entries[i] with { Value = value }) };
            }
        }

        var keyNode = ScalarNode.String(key, keyLocation ?? value.Location);
        return this with { Entries = Entries.Add(new MappingEntry(keyNode, value)) };
    }

    public MappingNode Without(string key) =>
        this with { Entries = Entries.RemoveAll(e => e.Key.Value == key) };

    public static MappingNode Empty(SourceLocation location) => new([], location);
}
