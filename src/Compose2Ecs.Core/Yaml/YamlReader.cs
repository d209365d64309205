using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// Reads YAML text into <see cref="Node"/> trees: anchors and aliases, <c>&lt;&lt;</c> merge
/// keys (one map or a list of maps), local tags, duplicate-key detection, and a bound on
/// how far aliases may expand the document (an "alias bomb" is an error, not a hang).
/// </summary>
public sealed class YamlReader
{
    /// <summary>Far beyond any real compose file; small enough that a billion-laughs file fails fast.</summary>
    public const long MaxExpandedNodes = 2_000_000;

    private const string MergeKey = "<<";

    private readonly string _file;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<Node, long> _sizes = new(ReferenceEqualityComparer.Instance);
    private long _expanded;
    private Mark _lastMark = Mark.Empty;
    private int _depth;

    private YamlReader(string file) => _file = file;

    /// <summary>The documents of a YAML stream, in order. An empty stream has none.</summary>
    public static IReadOnlyList<Node> ReadDocuments(string text, string file)
    {
        var reader = new YamlReader(file);
        try
        {
            return reader.ReadStream(new Parser(new StringReader(text)));
        }
        catch (YamlException e)
        {
            var location = new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column);
            throw new InvalidInputException(location, Compose2Ecs.Core.Compose.ComposeDiagnosticCodes.YamlSyntax, $"invalid YAML: {CleanMessage(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input (an unclosed flow
            // sequence followed by more keys, say); report it where reading stopped.
            throw new InvalidInputException(reader.Where(reader._lastMark), Compose2Ecs.Core.Compose.ComposeDiagnosticCodes.YamlSyntax, "invalid YAML: the document is malformed after this point (an unclosed [ or {, or a stray indentation?)");
        }
    }

    private IReadOnlyList<Node> ReadStream(IParser parser)
    {
        var documents = new List<Node>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            _anchors.Clear();
            if (parser.TryConsume<DocumentEnd>(out _))
            {
                continue;
            }

            documents.Add(ReadNode(parser));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private Node ReadNode(IParser parser)
    {
        if (++_depth > 200)
        {
            throw Error(parser.Current!.Start, "the document is nested more than 200 levels deep");
        }

        try
        {
            var current = parser.Current ?? throw new InvalidOperationException("unexpected end of YAML events");
            _lastMark = current.Start;
            return current switch
            {
                AnchorAlias alias => ReadAlias(parser, alias),
                Scalar scalar => ReadScalar(parser, scalar),
                SequenceStart start => ReadSequence(parser, start),
                MappingStart start => ReadMapping(parser, start),
                _ => throw Error(current.Start, $"unexpected YAML event {current.GetType().Name}"),
            };
        }
        finally
        {
            _depth--;
        }
    }

    private Node ReadAlias(IParser parser, AnchorAlias alias)
    {
        parser.MoveNext();
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw Error(alias.Start, $"alias *{alias.Value.Value} refers to no anchor defined before it");
        }

        // The alias shares the anchored node; count its full size so that nested aliases
        // cannot blow up the document behind our back.
        Count(Size(target), alias.Start);
        return target;
    }

    private ScalarNode ReadScalar(IParser parser, Scalar scalar)
    {
        parser.MoveNext();
        var style = scalar.Style is YamlScalarStyle.Plain ? ScalarStyle.Plain : ScalarStyle.String;
        var tag = TagOf(scalar.Tag, scalar.Start);
        if (tag is "tag:yaml.org,2002:str")
        {
            style = ScalarStyle.String;
            tag = null;
        }

        if (scalar.Value.Contains('\0', StringComparison.Ordinal))
        {
            // No compose value can carry NUL: not a path, an environment value or an argument.
            throw Error(scalar.Start, "a NUL character (\\0) is not allowed in a compose value");
        }

        var node = new ScalarNode(scalar.Value, style, Where(scalar.Start)) { Tag = tag };
        return Register(scalar.Anchor, node, 1);
    }

    private SequenceNode ReadSequence(IParser parser, SequenceStart start)
    {
        parser.MoveNext();
        var items = ImmutableArray.CreateBuilder<Node>();
        long size = 1;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            var item = ReadNode(parser);
            size += Size(item);
            items.Add(item);
        }

        Count(1, start.Start);
        var node = new SequenceNode(items.ToImmutable(), Where(start.Start)) { Tag = TagOf(start.Tag, start.Start) };
        return Register(start.Anchor, node, size);
    }

    private MappingNode ReadMapping(IParser parser, MappingStart start)
    {
        parser.MoveNext();
        var own = new List<MappingEntry>();
        var merged = new List<MappingEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long size = 1;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            var key = ReadNode(parser);
            var value = ReadNode(parser);
            size += Size(value) + 1;
            if (key is not ScalarNode keyScalar)
            {
                throw Error(keyEvent.Start, $"a mapping key must be a string, not {key.KindName}");
            }

            if (keyScalar.Value == MergeKey && keyScalar.Style == ScalarStyle.Plain)
            {
                AddMerged(merged, value);
                continue;
            }

            if (!seen.Add(keyScalar.Value))
            {
                throw Error(keyEvent.Start, $"duplicate key \"{keyScalar.Value}\": each key may appear once in a mapping");
            }

            own.Add(new MappingEntry(keyScalar, value));
        }

        // Keys written in the mapping win over merged ones; among merged maps the first wins.
        foreach (var entry in merged)
        {
            if (seen.Add(entry.Key.Value))
            {
                own.Add(entry);
            }
        }

        Count(1, start.Start);
        var node = new MappingNode([.. own], Where(start.Start)) { Tag = TagOf(start.Tag, start.Start) };
        return Register(start.Anchor, node, size);
    }

    private void AddMerged(List<MappingEntry> merged, Node value)
    {
        switch (value)
        {
            case MappingNode map:
                merged.AddRange(map.Entries);
                break;
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    if (item is not MappingNode itemMap)
                    {
                        throw new InvalidInputException(item.Location, Compose2Ecs.Core.Compose.ComposeDiagnosticCodes.YamlSyntax, $"a '<<' merge list may only hold mappings, not {item.KindName}");
                    }

                    merged.AddRange(itemMap.Entries);
                }

                break;
            default:
                throw new InvalidInputException(value.Location, Compose2Ecs.Core.Compose.ComposeDiagnosticCodes.YamlSyntax, $"'<<' merges a mapping or a list of mappings, not {value.KindName}");
        }
    }

    private T Register<T>(AnchorName anchor, T node, long size)
        where T : Node
    {
        _sizes[node] = size;
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private long Size(Node node) => _sizes.TryGetValue(node, out var size) ? size : 1;

    private void Count(long nodes, Mark at)
    {
        _expanded += nodes;
        if (_expanded > MaxExpandedNodes)
        {
            throw Error(at, $"aliases expand the document past {MaxExpandedNodes:N0} nodes; is this an alias bomb?");
        }
    }

    /// <summary>The tags compose reads: its own !reset and !override, and the core schema's.</summary>
    private static readonly HashSet<string> KnownTags = new(StringComparer.Ordinal)
    {
        "!reset", "!override",
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    };

    /// <summary>A node's tag; an unknown one (!!python/object, a custom !tag) is an error rather than silently ignored.</summary>
    private string? TagOf(TagName tag, Mark at)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return null;
        }

        if (!KnownTags.Contains(tag.Value))
        {
            throw new InvalidInputException(Where(at), Compose.ComposeDiagnosticCodes.UnknownTag,
                $"the YAML tag {tag.Value} is not one compose reads; remove it (only !reset, !override and the core schema's tags such as !!str are allowed)");
        }

        return tag.Value is "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq" ? null : tag.Value;
    }

    private SourceLocation Where(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private InvalidInputException Error(Mark mark, string message) => new(Where(mark), Compose2Ecs.Core.Compose.ComposeDiagnosticCodes.YamlSyntax, message);

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; we print our own location.</summary>
    private static string CleanMessage(string message)
    {
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }
}
