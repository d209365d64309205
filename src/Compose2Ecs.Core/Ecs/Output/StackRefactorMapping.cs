using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// The moves of a rebalance as <c>aws cloudformation create-stack-refactor --resource-mappings</c>
/// takes them: a list of <c>{Source: {StackName, LogicalResourceId}, Destination: {…}}</c>, the
/// logical ID the same on both sides. The root is the stack's name; a nested stack, whose name
/// CloudFormation generates at deploy time, is written as its path from the root
/// (<c>shop/ServiceGroup3</c>, <c>shop/Services0/ServiceGroup3</c>): replace it with that stack's
/// name before running the command (docs/synth.md#rebalancing).
/// </summary>
public static class StackRefactorMapping
{
    public const string FileName = "stack-refactor.json";

    public static string Json(IEnumerable<ResourceMove> moves, string stackName)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var move in moves)
            {
                json.WriteStartObject();
                Location(json, "Source", StackName(stackName, move.From), move.LogicalId);
                Location(json, "Destination", StackName(stackName, move.To), move.LogicalId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The stack's name for the root, else the nested stack's path under it (a placeholder for its generated name).</summary>
    public static string StackName(string stackName, string path) => path.Length == 0 ? stackName : $"{stackName}/{path}";

    private static void Location(Utf8JsonWriter json, string name, string stack, string logicalId)
    {
        json.WriteStartObject(name);
        json.WriteString("StackName", stack);
        json.WriteString("LogicalResourceId", logicalId);
        json.WriteEndObject();
    }
}
