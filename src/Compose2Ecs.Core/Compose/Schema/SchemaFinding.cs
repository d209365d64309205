using System.Text.Json.Nodes;

namespace Compose2Ecs.Core.Compose.Schema;

/// <summary>
/// One failed schema keyword: where in the instance (JSON pointer segments), which keyword,
/// the subschema it belongs to (for enum values, types, required names), and the library's
/// own message as the last resort. <paramref name="Types"/> is the union of the types the
/// alternatives of a oneOf/anyOf wanted, when each failed on its type at one place.
/// </summary>
internal sealed record SchemaFinding(
    IReadOnlyList<string> Instance,
    string Keyword,
    JsonNode? Subschema,
    JsonNode? ParentSchema,
    string LibraryMessage,
    IReadOnlyList<string> Types)
{
    /// <summary>A key the object's schema does not allow (<c>additionalProperties: false</c>).</summary>
    public bool IsUnknownKey => Keyword.Length == 0 && ParentSchema is not null;

    /// <summary>As compose-go's getMostSpecificError: the deeper, the better; an unknown key beats its object's type.</summary>
    public int Specificity => Instance.Count + (IsUnknownKey ? 1 : 0);
}
