using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// Writes a node tree as YAML or JSON, deterministically: mapping keys sorted (as
/// `docker compose config` prints them), strings quoted where YAML would otherwise read
/// them as another type, numbers in invariant culture.
/// </summary>
public static class NodeWriter
{
    public static string ToYaml(Node node)
    {
        var output = new StringBuilder();
        WriteYaml(output, node, 0, inSequence: false);
        return output.ToString();
    }

    public static string ToJson(Node node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Keys in the order they are printed: top-level keys in compose's order, the rest sorted.</summary>
    public static IEnumerable<MappingEntry> Ordered(MappingNode map) =>
        map.Entries.OrderBy(e => e.Name, StringComparer.Ordinal);

    private static void WriteYaml(StringBuilder output, Node node, int indent, bool inSequence)
    {
        switch (node)
        {
            case ScalarNode scalar:
                output.Append(Scalar(scalar)).Append('\n');
                break;
            case SequenceNode { Items.Length: 0 }:
                output.Append("[]\n");
                break;
            case MappingNode { Entries.Length: 0 }:
                output.Append("{}\n");
                break;
            case SequenceNode seq:
                output.Append('\n');
                foreach (var item in seq.Items)
                {
                    output.Append(' ', indent).Append("- ");
                    WriteItem(output, item, indent + 2);
                }

                break;
            case MappingNode map:
                if (!inSequence)
                {
                    output.Append('\n');
                }

                var first = true;
                foreach (var entry in Ordered(map))
                {
                    if (!(inSequence && first))
                    {
                        output.Append(' ', indent);
                    }

                    first = false;
                    output.Append(Key(entry.Name)).Append(':');
                    if (entry.Value is ScalarNode or SequenceNode { Items.Length: 0 } or MappingNode { Entries.Length: 0 })
                    {
                        output.Append(' ');
                    }

                    WriteYaml(output, entry.Value, indent + 2, inSequence: false);
                }

                break;
        }
    }

    private static void WriteItem(StringBuilder output, Node item, int indent)
    {
        if (item is MappingNode { Entries.Length: > 0 } map)
        {
            WriteYaml(output, map, indent, inSequence: true);
        }
        else
        {
            WriteYaml(output, item, indent, inSequence: false);
        }
    }

    private static string Key(string key) => YamlQuoting.NeedsQuotes(key) ? YamlQuoting.DoubleQuoted(key) : key;

    private static string Scalar(ScalarNode scalar) => YamlQuoting.Scalar(scalar);

    private static void WriteJson(Utf8JsonWriter writer, Node node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                WriteJsonScalar(writer, scalar);
                break;
            case SequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case MappingNode map:
                writer.WriteStartObject();
                foreach (var entry in Ordered(map))
                {
                    writer.WritePropertyName(entry.Name);
                    WriteJson(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteJsonScalar(Utf8JsonWriter writer, ScalarNode scalar)
    {
        switch (scalar.Type)
        {
            case ScalarType.Null:
                writer.WriteNullValue();
                break;
            case ScalarType.Bool:
                CoreSchema.TryGetBool(scalar.Value, out var b);
                writer.WriteBooleanValue(b);
                break;
            case ScalarType.Int when CoreSchema.TryGetInt(scalar.Value, out var i):
                writer.WriteNumberValue(i);
                break;
            case ScalarType.Float when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }
}
