using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compose2Ecs.Testing;

/// <summary>
/// JSON with every object's keys in ordinal order (list order kept), compact, characters such as
/// <c>+</c> as written. The CDK writes typed properties in alphabetical order and C# in the order it
/// builds them; key order means nothing to CloudFormation, so a test comparing a fragment as text
/// writes it this way and gets the same text from a built template and from an assembly.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => Sorted(node)?.ToJsonString(Relaxed) ?? "null";

    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, Sorted(e.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
