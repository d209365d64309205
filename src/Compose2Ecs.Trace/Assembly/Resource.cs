using System.Text.Json.Nodes;

namespace Compose2Ecs.Trace.Assembly;

/// <summary>One resource of the assembly, with its template (for resolving its values).</summary>
public sealed record Resource(ResourceId Id, string Type, JsonObject Properties, StackTemplate Stack, JsonNode? DependsOnNode)
{
    public string LogicalId => Id.LogicalId;

    /// <summary>The logical IDs in <c>DependsOn</c> (same template).</summary>
    public IEnumerable<string> DependsOn => DependsOnNode switch
    {
        JsonArray a => a.Select(n => n?.GetValue<string>()).OfType<string>(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
