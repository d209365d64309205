using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Compose2Ecs.Testing;

/// <summary>
/// Checks JSON against a JSON Schema with JsonSchema.Net (every keyword of the schema's draft:
/// <c>minLength</c>, <c>uniqueItems</c>, <c>format</c> as annotations, remote-free <c>$ref</c>…),
/// giving one line per failed keyword: <c>path: keyword: message</c>, the path written as
/// <c>$.x-mesh.routes.api.rules[0]</c> (a number segment is an array index).
/// </summary>
public sealed class JsonSchemaValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _schema;

    public JsonSchemaValidator(JsonElement root)
    {
        // A registry of its own: two schemas with one $id (two versions of a config) may both be loaded.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        _schema = JsonSchema.FromText(WithKnownDialect(root), build);
    }

    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var results = _schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{PathOf(d.InstanceLocation.ToString())}: {(e.Key.Length == 0 ? "false" : e.Key)}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count > 0 ? errors : ["$: does not match the schema"];
    }

    /// <summary>
    /// consul-ecs's schemas name draft 7 as <c>https://json-schema.org/draft-07/schema</c>; the
    /// draft's own id is <c>http://…/schema#</c>, the only spelling the library knows.
    /// </summary>
    private static string WithKnownDialect(JsonElement root)
    {
        var node = JsonNode.Parse(root.GetRawText())!;
        if (node is JsonObject schema && (string?)schema["$schema"] is { } dialect
            && dialect.TrimEnd('#').Replace("https://", "http://", StringComparison.Ordinal) == "http://json-schema.org/draft-07/schema")
        {
            schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        }

        return node.ToJsonString();
    }

    /// <summary>A JSON Pointer (<c>/x-mesh/rules/0</c>) as <c>$.x-mesh.rules[0]</c>.</summary>
    private static string PathOf(string pointer) =>
        "$" + string.Concat(pointer.Split('/').Skip(1)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Select(s => s.Length > 0 && s.All(char.IsAsciiDigit) ? $"[{s}]" : $".{s}"));
}
