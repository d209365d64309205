using System.Text.Json.Nodes;

namespace Compose2Ecs.Cli;

/// <summary>
/// The line <c>synth</c> ends with (what was written) and the command that deploys it:
/// CloudFormation takes a template body inline up to 51,200 bytes; beyond, or with nested
/// stacks (file assets), it must come from S3.
/// </summary>
public static class SynthSummary
{
    public const int InlineTemplateLimit = 51_200;

    /// <param name="directory">The assembly as the user names it (relative when under the current directory).</param>
    /// <param name="templates">The JSON template files, root first, relative to the assembly.</param>
    public static IEnumerable<string> Lines(string fullDirectory, string directory, IReadOnlyList<string> templates, string stackName)
    {
        var json = templates.Where(t => t.EndsWith(".json", StringComparison.Ordinal)).ToList();
        var resources = 0;
        long bytes = 0;
        foreach (var file in json)
        {
            var text = File.ReadAllText(Path.Combine(fullDirectory, file));
            bytes += new FileInfo(Path.Combine(fullDirectory, file)).Length;
            resources += (JsonNode.Parse(text)?["Resources"] as JsonObject)?.Count ?? 0;
        }

        var root = json.Count > 0 ? new FileInfo(Path.Combine(fullDirectory, json[0])).Length : 0;
        var nested = json.Count > 1 ? $" ({json.Count - 1} nested)" : "";
        yield return $"synth: 1 stack{nested}, {json.Count} template{(json.Count == 1 ? "" : "s")}, {resources} resources, {bytes} bytes in {directory}";
        var app = Quote(directory);
        if (json.Count > 1)
        {
            yield return $"deploy: nested stacks are uploaded as assets: cdk bootstrap (once per account and region), then cdk deploy --app {app}";
        }
        else if (root > InlineTemplateLimit)
        {
            yield return $"deploy: the template is over {InlineTemplateLimit} bytes, so it goes through S3: aws cloudformation deploy --template-file {Quote(Path.Combine(directory, json[0]))} --stack-name {stackName} --capabilities CAPABILITY_IAM --s3-bucket BUCKET";
        }
        else
        {
            yield return $"deploy: cdk deploy --app {app}";
        }
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || "'\"$`\\".Contains(c)) ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;
}
