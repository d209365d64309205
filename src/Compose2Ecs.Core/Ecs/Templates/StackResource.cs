using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>The <c>AWS::CloudFormation::Stack</c> resource through which a parent template holds a nested one.</summary>
public static class StackResource
{
    public const string Type = "AWS::CloudFormation::Stack";

    /// <summary>
    /// The stack resource for template <paramref name="id"/>. Its <c>TemplateURL</c> names the template
    /// file; the CDK loads the file and replaces the URL with the asset's.
    /// </summary>
    public static TemplateResource Build(string id, IEnumerable<KeyValuePair<string, CfnValue>> parameters, IEnumerable<string> dependsOn) =>
        new(id, Type, new CfnMapBuilder()
            .Add("TemplateURL", $"{id}.template.json")
            .AddMap("Parameters", new CfnMap([.. parameters]))
            .Build())
        {
            DependsOn = [.. dependsOn],
        };
}
