using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>A resource that changes template: each template a path from the root (<c>""</c>, <c>ServiceGroup3</c>, <c>Services0/ServiceGroup3</c>).</summary>
public sealed record ResourceMove(string LogicalId, string? Owner, string From, string To);

/// <summary>
/// What a new placement (<c>synth --rebalance</c>) moves, against the stack layout the templates
/// were deployed with: every resource that both had and that lands in another template,
/// nested stack resources that change parent included. Resources new to the project are not moves.
/// </summary>
public static class StackMoves
{
    public static ImmutableArray<ResourceMove> Between(StackLayout deployed, TemplateSet next, ImmutableArray<TemplateResource> resources)
    {
        var byId = next.Nested.ToDictionary(d => d.Id, StringComparer.Ordinal);
        string PathOf(TemplateDocument d) => d.IsRoot ? "" : d.Parent is { Length: > 0 } parent ? $"{PathOf(byId[parent])}/{d.Id}" : d.Id;
        var now = next.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, Path: PathOf(d)))).ToDictionary(x => x.LogicalId, x => x.Path, StringComparer.Ordinal);

        // Where each resource was: its service's template by kind, rules with the newer service as the deployed layout had them.
        var placed = deployed.Services.Where(s => s.ServiceStack is not null || s.SecurityStack is not null).ToList();
        var owners = resources.ToDictionary(r => r.LogicalId, r => r.Owner, StringComparer.Ordinal);
        var moves = new List<ResourceMove>();
        foreach (var resource in StickySplit.Reown(resources, deployed))
        {
            if (!now.TryGetValue(resource.LogicalId, out var to))
            {
                continue;
            }

            var from = resource.Owner is null ? "" : deployed.Find(resource.Owner) is { } service
                ? resource.Type == SplitFacts.SecurityGroupType ? service.SecurityStack : service.ServicePath
                : null;
            if (from is not null && from != to)
            {
                moves.Add(new ResourceMove(resource.LogicalId, owners[resource.LogicalId], from, to));
            }
        }

        // A service stack under another parent moves as a resource of its parent.
        foreach (var stack in placed.Where(s => s.ServiceStack is { Length: > 0 }).GroupBy(s => s.ServiceStack!, StringComparer.Ordinal))
        {
            var was = stack.First().ServiceParent;
            if (byId.TryGetValue(stack.Key, out var document) && now.TryGetValue(stack.Key, out var parent) && parent != was)
            {
                moves.Add(new ResourceMove(document.Id, null, was, parent));
            }
        }

        return [.. moves.OrderBy(m => m.From, StringComparer.Ordinal).ThenBy(m => m.To, StringComparer.Ordinal).ThenBy(m => m.LogicalId, StringComparer.Ordinal)];
    }
}
