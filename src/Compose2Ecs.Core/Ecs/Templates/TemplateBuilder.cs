using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>A sized plan → its CloudFormation templates (pure: no CDK), split into nested stacks when too big for one.</summary>
public static class TemplateBuilder
{
    /// <param name="layout">The stack layout file's placement, kept (null: computed from the names).</param>
    public static TemplateSet Build(EcsPlan plan, SplitLimits? limits = null, StackLayout? layout = null)
    {
        var resources = PlanResources.Build(plan);
        var duplicates = resources.GroupBy(r => r.LogicalId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"two resources share the logical ID {string.Join(", ", duplicates)}; a backend must name its resources with LogicalIds/ServiceIds");
        }

        var ids = resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        var dangling = resources.SelectMany(r => r.DependsOn.Where(d => !ids.Contains(d)).Select(d => $"{r.LogicalId} → {d}")).ToList();
        if (dangling.Count > 0)
        {
            throw new InvalidOperationException($"DependsOn names resources that do not exist: {string.Join(", ", dangling)}");
        }

        return StackSplitter.Split(plan, resources, limits, layout);
    }
}
