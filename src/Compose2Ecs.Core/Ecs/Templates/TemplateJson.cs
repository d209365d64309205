using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>Templates and values as JSON, the way the CDK writes them (one-space indentation).</summary>
public static class TemplateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonNode ToNode(CfnValue value) => value switch
    {
        CfnString s => JsonValue.Create(s.Value),
        CfnNumber n => JsonValue.Create(n.Value),
        CfnBool b => JsonValue.Create(b.Value),
        CfnRef r => new JsonObject { ["Ref"] = r.LogicalId },
        CfnGetAtt g => new JsonObject { ["Fn::GetAtt"] = new JsonArray(g.LogicalId, g.Attribute) },
        CfnFunction f => new JsonObject { [f.Name] = ToNode(f.Argument) },
        CfnList l => new JsonArray([.. l.Items.Select(ToNode)]),
        CfnMap m => ToObject(m),
        _ => throw new ArgumentException($"unknown value {value}", nameof(value)),
    };

    public static JsonObject ToObject(TemplateDocument document)
    {
        var template = new JsonObject();
        if (document.Description is { } description)
        {
            template["Description"] = description;
        }

        if (!document.Parameters.IsEmpty)
        {
            var lists = document.ListParameters.ToHashSet(StringComparer.Ordinal);
            template["Parameters"] = new JsonObject(document.Parameters.Select(p =>
                KeyValuePair.Create<string, JsonNode?>(p, new JsonObject { ["Type"] = lists.Contains(p) ? "CommaDelimitedList" : "String" })));
        }

        if (!document.Mappings.IsEmpty)
        {
            template["Mappings"] = new JsonObject(document.Mappings.Select(m => KeyValuePair.Create<string, JsonNode?>(m.Name, ToNode(m.Values))));
        }

        template["Resources"] = new JsonObject(document.Resources.Select(r => KeyValuePair.Create<string, JsonNode?>(r.LogicalId, ToObject(r))));
        if (!document.Outputs.IsEmpty)
        {
            template["Outputs"] = new JsonObject(document.Outputs.Select(o => KeyValuePair.Create<string, JsonNode?>(o.LogicalId, new JsonObject
            {
                ["Description"] = o.Description,
                ["Value"] = ToNode(o.Value),
            })));
        }

        return template;
    }

    public static JsonObject ToObject(TemplateResource resource)
    {
        var node = new JsonObject { ["Type"] = resource.Type };
        if (!resource.Properties.Entries.IsEmpty)
        {
            node["Properties"] = ToObject(resource.Properties);
        }

        if (!resource.DependsOn.IsEmpty)
        {
            node["DependsOn"] = new JsonArray([.. resource.DependsOn.Select(d => (JsonNode?)JsonValue.Create(d))]);
        }

        if (resource.DeletionPolicy is { } deletion)
        {
            node["DeletionPolicy"] = deletion;
        }

        if (resource.UpdateReplacePolicy is { } replace)
        {
            node["UpdateReplacePolicy"] = replace;
        }

        return node;
    }

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A template as the text synthesis gives the CDK to include.</summary>
    public static string Text(TemplateDocument document) => Write(ToObject(document));

    /// <summary>A string as a JSON string literal the way <see cref="Write"/> escapes it, quotes included.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The size in bytes of the template as written, for CloudFormation's 1 MB limit.</summary>
    public static int Size(TemplateDocument document) => Encoding.UTF8.GetByteCount(Text(document));

    private static JsonObject ToObject(CfnMap map) => new(map.Entries.Select(e => KeyValuePair.Create<string, JsonNode?>(e.Key, ToNode(e.Value))));
}
