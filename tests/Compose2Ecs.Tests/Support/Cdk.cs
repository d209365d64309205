using Amazon.CDK.Assertions;
using Compose2Ecs.Core.Ecs.Cdk;

namespace Compose2Ecs.Testing;

/// <summary>Amazon.CDK.Assertions over a synthesized template. jsii is one process-wide Node.js runtime: calls take the same lock synthesis takes.</summary>
public static class Cdk
{
    public static void Assert(TemplateFile template, Action<Template> assertions)
    {
        lock (JsiiHost.Gate)
        {
            JsiiHost.EnsureConfigured();
            assertions(Template.FromString(template.Text, new TemplateParsingOptions { SkipCyclicalDependenciesCheck = false }));
        }
    }

    public static Dictionary<string, object> Props(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);
}
