using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// Writes a <c>.template.yaml</c> beside each <c>.template.json</c> of a cloud assembly. Keys keep
/// their order; a string is left plain only when no YAML 1.1 reader (CloudFormation's) could
/// take it for another type, else it is double-quoted.
/// </summary>
public static partial class YamlTemplates
{
    public static void WriteBeside(string directory)
    {
        foreach (var json in Directory.GetFiles(directory, "*.template.json").Order(StringComparer.Ordinal))
        {
            var node = JsonNode.Parse(File.ReadAllText(json));
            var yaml = json[..^".json".Length] + ".yaml";
            File.WriteAllText(yaml, ToYaml(node));
        }
    }

    public static string ToYaml(JsonNode? node)
    {
        var output = new StringBuilder();
        Write(output, node, 0);
        return output.ToString();
    }

    private static void Write(StringBuilder output, JsonNode? node, int indent)
    {
        switch (node)
        {
            case JsonObject { Count: 0 }:
                output.Append("{}\n");
                break;
            case JsonArray { Count: 0 }:
                output.Append("[]\n");
                break;
            case JsonObject map:
                WriteMap(output, map, indent, firstInline: false);
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    output.Append(' ', indent).Append("- ");
                    WriteItem(output, item, indent + 2);
                }

                break;
            default:
                output.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteMap(StringBuilder output, JsonObject map, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && firstInline))
            {
                output.Append(' ', indent);
            }

            first = false;
            output.Append(Plain(key) ? key : Quote(key)).Append(':');
            if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
            {
                output.Append('\n');
                Write(output, value, indent + 2);
            }
            else
            {
                output.Append(' ');
                Write(output, value, indent + 2);
            }
        }
    }

    private static void WriteItem(StringBuilder output, JsonNode? item, int indent)
    {
        if (item is JsonObject { Count: > 0 } map)
        {
            WriteMap(output, map, indent, firstInline: true);
        }
        else if (item is JsonArray { Count: > 0 })
        {
            output.Append('\n');
            Write(output, item, indent);
        }
        else
        {
            Write(output, item, indent);
        }
    }

    private static string Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        // Any JsonNode, parsed or built: GetValueKind and GetValue<string> work on both.
        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>() is var text && Plain(text) ? text : Quote(text),
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };
    }

    private static bool Plain(string text) =>
        SafePlain().IsMatch(text) && !Yaml11Special().IsMatch(text) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Quote(string text) => YamlQuoting.DoubleQuoted(text);

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./:-]*$")]
    private static partial Regex SafePlain();

    /// <summary>Words YAML 1.1 reads as booleans or null, and sexagesimal-looking values.</summary>
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$|:\d|:$")]
    private static partial Regex Yaml11Special();
}
