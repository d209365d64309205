using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// Rewrites the assembly's templates without indentation (the CDK indents by one space):
/// CloudFormation takes a template body inline only up to 51,200 bytes, and whitespace is a
/// third of an indented template. Key order and values are kept.
/// </summary>
public static class CompactTemplates
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Rewrite(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.template.json"))
        {
            var node = JsonNode.Parse(File.ReadAllText(file));
            File.WriteAllText(file, node?.ToJsonString(Options) ?? "null");
        }
    }
}
