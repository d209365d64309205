using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The JSON Schema of <c>x-mesh</c>, assembled from Core's base (the spec's common keys, per
/// service and top level) and each backend's fragment for its own section, so a backend's keys
/// are described in the backend that reads them. A fragment may use the base's shared
/// definitions (<c>#/$defs/interpolated</c>, <c>#/$defs/duration</c>, <c>#/$defs/protocol</c>).
/// The committed <c>schema/x-mesh.schema.json</c> is this text; a test keeps the two equal.
/// </summary>
public static class MeshSchema
{
    private const string BaseResource = "x-mesh.base.schema.json";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        // Descriptions hold quotes, < and →: keep them readable, as the committed file is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema with every backend's name (as given) and section (in key order), as indented JSON ending in a newline.</summary>
    public static string Assemble(IEnumerable<MeshBackendSpec> backends)
    {
        var schema = JsonNode.Parse(EmbeddedText.Read(typeof(MeshSchema).Assembly, BaseResource))!;
        var properties = schema["$defs"]!["mesh"]!["properties"]!.AsObject();
        var names = properties["backend"]!["anyOf"]![0]!["enum"]!.AsArray();
        foreach (var backend in backends)
        {
            names.Add(backend.Name);
        }

        foreach (var section in backends.Select(b => b.Section).OfType<MeshSection>().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (section.Schema is { } fragment)
            {
                properties[section.Key] = JsonNode.Parse(fragment);
            }
        }

        return schema.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";
    }
}
