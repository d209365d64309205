using System.Text.Json.Nodes;
using Json.Schema;

namespace Compose2Ecs.Core.Compose.Schema;

/// <summary>
/// Turns the library's hierarchical results into the findings worth reporting. Of the
/// alternatives of a <c>oneOf</c>/<c>anyOf</c> only the most specific failure is kept, as
/// compose-go does (a mapping with a typo in a key fails the "string" branch on its type and the
/// "mapping" branch on the key: the key is the news); independent failures are all kept.
/// </summary>
internal sealed class SchemaResults(JsonNode schemaRoot)
{
    /// <summary>Keywords whose failure is only the sum of their subschemas' failures.</summary>
    private static readonly HashSet<string> Applicators = new(StringComparer.Ordinal)
    {
        "oneOf", "anyOf", "allOf", "$ref", "properties", "patternProperties", "additionalProperties",
        "items", "additionalItems", "contains", "not", "if", "then", "else", "dependencies", "propertyNames",
    };

    public List<SchemaFinding> Collect(EvaluationResults result)
    {
        var findings = new List<SchemaFinding>();
        if (result.IsValid)
        {
            return findings;
        }

        var depth = Segments(result.EvaluationPath.ToString()).Count;
        var failing = (result.Details ?? []).Where(d => !d.IsValid);
        foreach (var group in failing.GroupBy(d => KeywordBelow(d, depth)))
        {
            if (group.Key is "oneOf" or "anyOf")
            {
                findings.AddRange(MostSpecific([.. group.Select(Collect)]));
                continue;
            }

            foreach (var child in group)
            {
                findings.AddRange(Collect(child));
            }
        }

        var explained = findings.Count > 0;
        foreach (var (keyword, message) in result.Errors ?? [])
        {
            if (explained && Applicators.Contains(keyword))
            {
                continue;
            }

            findings.Add(Finding(result, keyword, message));
        }

        return findings;
    }

    private static string KeywordBelow(EvaluationResults child, int depth)
    {
        var segments = Segments(child.EvaluationPath.ToString());
        return segments.Count > depth ? segments[depth] : "";
    }

    /// <summary>The findings of the alternative that got furthest; alternatives that all failed on their type at one place say so together.</summary>
    private static IEnumerable<SchemaFinding> MostSpecific(List<List<SchemaFinding>> branches)
    {
        var scored = branches.Where(b => b.Count > 0).Select(b => (Findings: b, Score: b.Max(f => f.Specificity))).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(b => b.Score);
        var tied = scored.Where(b => b.Score == best).Select(b => b.Findings).ToList();
        var tops = tied.Select(b => b.First(f => f.Specificity == best)).ToList();
        if (tied.Count > 1 && tops.All(f => f.Keyword == "type") && tops.Select(f => string.Join('/', f.Instance)).Distinct().Count() == 1)
        {
            return [tops[0] with { Types = [.. tops.SelectMany(f => f.Types).Distinct(StringComparer.Ordinal)] }];
        }

        return tied[0];
    }

    private SchemaFinding Finding(EvaluationResults result, string keyword, string message)
    {
        var evaluation = WithoutDoubledItems(Segments(result.EvaluationPath.ToString()));
        var subschema = Resolve(evaluation);

        // additionalProperties: false fails the property's own (false) schema; the object's schema lists what is allowed.
        var parent = keyword.Length == 0 && evaluation.Count > 0 && evaluation[^1] == "additionalProperties"
            ? Resolve(evaluation.Take(evaluation.Count - 1).ToList())
            : null;
        return new SchemaFinding(Segments(result.InstanceLocation.ToString()), keyword, subschema, parent, message, TypesOf(subschema));
    }

    private static List<string> TypesOf(JsonNode? subschema) => (subschema as JsonObject)?["type"] switch
    {
        JsonValue single => [single.GetValue<string>()],
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        _ => [],
    };

    /// <summary>
    /// Under draft 2020-12 the library writes each <c>items</c> step of an evaluation path twice
    /// (<c>/properties/volumes/items/items/oneOf/1</c> for the schema's <c>/properties/volumes/items/oneOf/1</c>).
    /// </summary>
    private static List<string> WithoutDoubledItems(List<string> evaluation)
    {
        var result = new List<string>(evaluation.Count);
        for (var i = 0; i < evaluation.Count; i++)
        {
            result.Add(evaluation[i]);
            if (evaluation[i] == "items" && i + 1 < evaluation.Count && evaluation[i + 1] == "items")
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>The subschema an evaluation path reaches, following each <c>$ref</c> within the schema.</summary>
    private JsonNode? Resolve(IReadOnlyList<string> evaluation)
    {
        var current = schemaRoot;
        foreach (var segment in evaluation)
        {
            if (segment == "$ref" && current is JsonObject withRef && withRef["$ref"] is JsonValue reference)
            {
                current = Pointer(reference.GetValue<string>());
                continue;
            }

            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return current;
    }

    private JsonNode? Pointer(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return Resolve(hash < 0 ? [] : Segments(reference[(hash + 1)..]));
    }

    /// <summary>A JSON pointer's unescaped segments.</summary>
    public static List<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer.TrimStart('#').Split('/').Skip(1)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
