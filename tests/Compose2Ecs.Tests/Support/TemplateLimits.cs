using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Testing;

/// <summary>CloudFormation's per-template limits, asserted over built templates and over templates the CDK wrote.</summary>
public static class TemplateLimits
{
    /// <summary>
    /// Every template within resources, parameters, outputs and bytes (as written, plus what the CDK adds to each
    /// nested stack resource); every list parameter's value within the parameter-value limit; every reference
    /// resolving in its own template; every nested stack given exactly the parameters its template declares.
    /// </summary>
    public static void AssertWithin(TemplateSet templates, SplitLimits? limits = null)
    {
        limits ??= SplitLimits.CloudFormation;
        var byId = templates.Nested.ToDictionary(d => d.Id);
        foreach (var document in templates.All)
        {
            var name = document.IsRoot ? "root" : document.Id;
            Assert.True(document.Resources.Length <= limits.MaxResources, $"{name}: {document.Resources.Length} resources");
            Assert.True(document.Parameters.Length <= limits.MaxParameters, $"{name}: {document.Parameters.Length} parameters");
            Assert.True(document.Outputs.Length <= limits.MaxOutputs, $"{name}: {document.Outputs.Length} outputs");
            var bytes = TemplateJson.Size(document) + document.Resources.Count(r => r.Type == StackResource.Type) * TemplateSize.CdkStackOverhead;
            Assert.True(bytes <= limits.MaxBytes, $"{name}: {bytes} bytes");

            var known = document.Resources.Select(r => r.LogicalId).Concat(document.Parameters).ToHashSet(StringComparer.Ordinal);
            var references = document.Resources.SelectMany(r => References.In(r.Properties)).Concat(document.Outputs.SelectMany(o => References.In(o.Value)))
                .Select(r => r.LogicalId).Concat(document.Resources.SelectMany(r => r.DependsOn));
            Assert.All(references, id => Assert.True(known.Contains(id), $"{name} references {id}, which it neither holds nor takes as a parameter"));

            foreach (var stack in document.Resources.Where(r => r.Type == StackResource.Type))
            {
                var child = byId[stack.LogicalId];
                Assert.Equal(document.Id, child.Parent);
                var passed = ((CfnMap?)stack.Properties["Parameters"])?.Entries.Select(e => e.Key) ?? [];
                Assert.Equal(child.Parameters.Order(StringComparer.Ordinal), passed.Order(StringComparer.Ordinal));
            }

            foreach (var output in document.Outputs.Where(o => o.Value is CfnFunction { Name: "Fn::Join" }))
            {
                var items = ((CfnList)((CfnList)((CfnFunction)output.Value).Argument).Items[1]).Items.Length;
                Assert.True(items * 25 <= limits.MaxParameterBytes, $"{name}: output {output.LogicalId} lists {items} ids, past one parameter's {limits.MaxParameterBytes} bytes");
            }
        }
    }
}
