using System.Text.Json.Nodes;

namespace Compose2Ecs.Trace.Assembly;

/// <summary>One template of the assembly: a top-level stack, or a nested stack inside its parent.</summary>
/// <param name="Path">The top-level stack's name, then <c>/</c> and each nested stack's logical ID.</param>
/// <param name="File">The template's file name in the assembly.</param>
/// <param name="Parent">The template holding this one's <c>AWS::CloudFormation::Stack</c> resource; null for a top-level stack.</param>
/// <param name="StackResource">That resource's logical ID in the parent; null for a top-level stack.</param>
public sealed record StackTemplate(string Path, string File, JsonObject Template, StackTemplate? Parent, string? StackResource)
{
    public JsonObject Resources => Template["Resources"] as JsonObject ?? [];

    public JsonObject Parameters => Template["Parameters"] as JsonObject ?? [];

    public JsonObject Outputs => Template["Outputs"] as JsonObject ?? [];
}
