using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Security-group rules from the model's edges, for every mesh backend: one TCP rule per
/// concrete edge between two services of the plan (self-calls and services outside the plan
/// skipped, duplicates by logical ID dropped), so no backend builds them by hand.
/// </summary>
public static class EdgeIngress
{
    /// <param name="port">The port the connection arrives at; default: the edge's (the target's listener, or its container port for a direct edge).</param>
    /// <param name="description">The rule's description; default: <c>caller to target on port/tcp</c>. Capped at EC2's 255 characters.</param>
    public static IEnumerable<IngressRulePlan> Rules(MeshModel model, EcsPlan plan, Func<ConcreteEdge, int>? port = null, Func<ConcreteEdge, int, string?>? description = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inPlan = plan.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var edge in model.ConcreteEdges)
        {
            if (edge.Caller == edge.Target || !inPlan.Contains(edge.Target) || !inPlan.Contains(edge.Caller))
            {
                continue;
            }

            var at = port?.Invoke(edge) ?? edge.Port;
            var rule = IngressRules.Between(edge.Target, edge.Caller, "tcp", at, at);
            if (seen.Add(rule.LogicalId))
            {
                yield return description?.Invoke(edge, at) is { } text ? rule with { Description = IngressRules.Description(text) } : rule;
            }
        }
    }
}
