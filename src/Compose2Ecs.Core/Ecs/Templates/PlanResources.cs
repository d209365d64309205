using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates.Resources;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Every resource of a sized plan, in a stable order: shared resources, then each service (by
/// name) with its load balancers, the rules on its groups and the backend resources it owns,
/// then shared backend resources.
/// </summary>
public static class PlanResources
{
    public static ImmutableArray<TemplateResource> Build(EcsPlan plan)
    {
        var result = ImmutableArray.CreateBuilder<TemplateResource>();
        result.AddRange(NetworkResources.Build(plan));
        var rules = plan.Ingress.Select(IngressResources.Build).ToLookup(r => r.Owner ?? "");
        var extras = plan.Resources.ToLookup(r => r.Owner ?? "");
        foreach (var service in plan.Services)
        {
            result.AddRange(ServiceResources.Build(plan, service));
            result.AddRange(LoadBalancerResources.Build(plan, service));
            result.AddRange(rules[service.Name]);
            result.AddRange(extras[service.Name]);
        }

        var known = plan.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        result.AddRange(rules.Where(g => !known.Contains(g.Key)).SelectMany(g => g));
        result.AddRange(extras.Where(g => !known.Contains(g.Key)).SelectMany(g => g));
        return result.ToImmutable();
    }
}
