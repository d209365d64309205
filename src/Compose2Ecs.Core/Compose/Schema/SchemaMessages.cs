using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Schema;

/// <summary>
/// A schema finding in the loader's words: the key path, what is wrong and what would be right
/// (the enum's values, the types allowed, the nearest known key), from the subschema itself.
/// </summary>
internal static class SchemaMessages
{
    public static string For(SchemaFinding finding, SchemaTarget target)
    {
        var path = target.Path;
        var schema = finding.Subschema;
        switch (finding.Keyword)
        {
            case "" when finding.IsUnknownKey:
                return UnknownKey(finding, target);
            case "":
                return $"{path}: is not allowed here";
            case "type":
                return $"{path}: must be {Types(finding.Types)}, not {Kind(target.Value)}";
            case "enum" when At(schema, "enum") is JsonArray values:
                var allowed = values.Select(v => v?.ToJsonString() ?? "null").ToList();
                return $"{path}: {Describe(target.Value)} is not one of {string.Join(", ", allowed)}"
                    + (target.Value.ValueKind == JsonValueKind.String ? Suggest.DidYouMean(target.Value.GetString()!, values.Select(v => v?.ToString() ?? "")) : "");
            case "const" when At(schema, "const") is { } constant:
                return $"{path}: must be {constant.ToJsonString()}, not {Describe(target.Value)}";
            case "required" when At(schema, "required") is JsonArray required:
                var missing = required.Select(r => r!.GetValue<string>())
                    .Where(r => target.Value.ValueKind != JsonValueKind.Object || !target.Value.TryGetProperty(r, out _))
                    .Select(r => $"\"{r}\"");
                return $"{path}: missing {string.Join(", ", missing)}, which this form requires";
            case "minimum" when At(schema, "minimum") is { } minimum:
                return $"{path}: must be at least {minimum.ToJsonString()}, not {Describe(target.Value)}";
            case "maximum" when At(schema, "maximum") is { } maximum:
                return $"{path}: must be at most {maximum.ToJsonString()}, not {Describe(target.Value)}";
            case "pattern" when At(schema, "pattern") is { } pattern:
                return $"{path}: {Describe(target.Value)} does not match the pattern {pattern.GetValue<string>()}";
            case "uniqueItems":
                return $"{path}: lists an item more than once; each must be unique";
            default:
                return $"{path}: {finding.Keyword}: {finding.LibraryMessage}";
        }
    }

    private static JsonNode? At(JsonNode? schema, string keyword) => schema is JsonObject o ? o[keyword] : null;

    private static string UnknownKey(SchemaFinding finding, SchemaTarget target)
    {
        var name = finding.Instance[^1];
        var parentPath = target.Path.Length > name.Length ? target.Path[..^(name.Length + 1)] : "(top level)";
        var known = At(finding.ParentSchema, "properties") is JsonObject properties ? properties.Select(p => p.Key).ToList() : [];
        if (known.Count == 0 && At(finding.ParentSchema, "patternProperties") is JsonObject patterns)
        {
            return $"{parentPath}: \"{name}\" is not a valid name; it must match {string.Join(" or ", patterns.Select(p => p.Key))}";
        }

        return $"{parentPath}: unknown key \"{name}\"{Suggest.DidYouMean(name, known)}";
    }

    private static string Types(IReadOnlyList<string> types)
    {
        var words = types.Select(t => t switch
        {
            "object" => "a mapping",
            "array" => "a list",
            "string" => "a string",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            _ => t,
        }).Distinct().ToList();
        return words.Count switch
        {
            0 => "another type",
            1 => words[0],
            _ => string.Join(", ", words[..^1]) + " or " + words[^1],
        };
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "this",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => Kind(value),
    };
}
