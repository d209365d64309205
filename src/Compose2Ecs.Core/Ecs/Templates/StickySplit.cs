using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Splitting with a stack layout: no placed service moves. Placed services keep their template
/// (the root included) and their stacks keep their parents; new services fill stacks with room,
/// then new stacks; new service stacks go under the root while it fits, else under a middle
/// stack with room, else a new one. When a template of placed services alone passes a limit,
/// nothing can be done without moving one: an error that says to rebalance.
/// </summary>
internal static class StickySplit
{
    public static (TemplateSet Set, SplitLayout Layout, StackTree Tree)? Build(StackLayout kept, SplitFacts facts, SplitPlacer placer, SplitLimits limits,
        EcsPlan plan, ImmutableArray<TemplateOutput> rootOutputs, string description, Dictionary<string, ServicePlan> services)
    {
        var placed = kept.Services.ToDictionary(s => s.Service, StringComparer.Ordinal);
        var priorParents = kept.Services.Where(s => s.ServiceStack is { Length: > 0 })
            .GroupBy(s => s.ServiceStack!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ServiceParent, StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < StackSplitter.MaxAttempts; attempt++)
        {
            var layout = placer.PlaceSticky(kept, closed);
            string Home(string id) => placer.Home(id, layout.SecurityHome, layout.ServiceHome);
            var leaves = LeafWiring.Build(facts, layout, Home, plan, rootOutputs, description);

            var tooBig = leaves.Documents.Values.Where(d => !StackSplitter.Fits(d, limits)).ToList();
            if (tooBig.Count > 0)
            {
                foreach (var document in tooBig)
                {
                    // A stack that took a new service closes to new ones; one of placed services alone cannot shrink.
                    var part = layout.SecurityStacks.Concat(layout.ServiceStacks).First(p => p.Id == document.Id);
                    var security = part.Id.StartsWith(SplitLayout.SecurityPrefix, StringComparison.Ordinal);
                    if (part.Items.All(o => (security ? placed.GetValueOrDefault(o)?.SecurityStack : placed.GetValueOrDefault(o)?.ServiceStack) == part.Id))
                    {
                        throw OverLimit(kept, document, part.Items, limits);
                    }

                    closed.Add(part.Id);
                }

                continue;
            }

            var fresh = layout.ServiceStacks.Where(p => !priorParents.ContainsKey(p.Id)).ToList();
            var middles = priorParents.Values.Where(p => p.Length > 0).Distinct().Order(StackOrder.Instance).ToList();
            var next = middles.Select(m => int.Parse(m[StackTree.MiddlePrefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            IEnumerable<string> options = fresh.Count == 0 || middles.Count == 0 ? [""] : [];
            options = fresh.Count == 0 ? options : options.Concat(middles).Append(StackTree.MiddleId(next));
            TemplateSet? last = null;
            foreach (var option in options)
            {
                var parents = layout.ServiceStacks.ToDictionary(p => p.Id, p => priorParents.GetValueOrDefault(p.Id) ?? option, StringComparer.Ordinal);
                var tree = new StackTree(layout, parents);
                var set = new ParentWiring(facts, layout, leaves, tree, Home).Build(plan, rootOutputs, description, services);
                if (StackSplitter.FitsTree(set, tree, limits))
                {
                    return (set, layout, tree);
                }

                last = set;
            }

            var over = StackSplitter.Fits(last!.Root, limits) ? last.All.First(d => !d.IsRoot && !StackSplitter.Fits(d, limits)) : last.Root;
            throw OverLimit(kept, over, [.. kept.Services.Where(s => over.IsRoot ? s.ServiceStack is "" || s.SecurityStack is "" : s.ServiceParent == over.Id).Select(s => s.Service)], limits);
        }

        return null;
    }

    /// <summary>
    /// A placed service gains a rule for each new caller (an ingress from the caller's security
    /// group); were those rules its own, its template would fill as the application grows, and
    /// the root first. So, for splitting, a resource of one service that names the security group
    /// of a newer one (a later <see cref="ServicePlacement.Generation"/>; new services are the
    /// newest) goes with the newer service, the newest first, then by name. Both are placed for
    /// good, so the rule never moves either; and a placement computed from the names (one
    /// generation) keeps every rule with its owner, as without a layout.
    /// </summary>
    public static ImmutableArray<TemplateResource> Reown(ImmutableArray<TemplateResource> resources, StackLayout kept)
    {
        var next = kept.NextGeneration;
        int Generation(string owner) => kept.Find(owner)?.Generation ?? next;
        var groups = resources.Where(r => r.Type == SplitFacts.SecurityGroupType && r.Owner is not null)
            .ToDictionary(r => r.LogicalId, r => r.Owner!, StringComparer.Ordinal);
        return [.. resources.Select(r =>
        {
            if (r.Owner is not { } owner || r.Type == SplitFacts.SecurityGroupType)
            {
                return r;
            }

            var own = Generation(owner);
            var newer = References.In(r.Properties).Select(x => groups.GetValueOrDefault(x.LogicalId)).OfType<string>()
                .Where(o => o != owner && Generation(o) > own)
                .OrderByDescending(Generation).ThenBy(o => o, StringComparer.Ordinal).FirstOrDefault();
            return newer is null ? r : r with { Owner = newer };
        })];
    }

    /// <summary>Gives the templates' resources back their owners (<see cref="Reown"/> only decided where they go).</summary>
    public static TemplateSet RestoreOwners(TemplateSet set, ImmutableArray<TemplateResource> original)
    {
        var owners = original.ToDictionary(r => r.LogicalId, r => r.Owner, StringComparer.Ordinal);
        TemplateDocument Restore(TemplateDocument d) => d with
        {
            Resources = [.. d.Resources.Select(r => owners.TryGetValue(r.LogicalId, out var owner) && owner != r.Owner ? r with { Owner = owner } : r)],
        };
        return set with { Root = Restore(set.Root), Nested = [.. set.Nested.Select(Restore)] };
    }

    /// <summary>Located at the first line that places a service in the template (else the file's first line).</summary>
    private static InvalidInputException OverLimit(StackLayout kept, TemplateDocument document, IReadOnlyList<string> owners, SplitLimits limits)
    {
        var at = owners.Order(StringComparer.Ordinal).Select(o => kept.Find(o)?.Location).FirstOrDefault(l => l is { IsKnown: true })
            ?? (kept.File.Length > 0 ? new SourceLocation(kept.File, 1, 1) : SourceLocation.None);
        var name = document.IsRoot ? "the root template" : document.Id;
        return new InvalidInputException(at, EcsDiagnosticCodes.LayoutOverLimit,
            $"the stack layout keeps {owners.Count} services in {name}, which would pass CloudFormation's limits ({document.Resources.Length} resources, {document.Parameters.Length} parameters, {document.Outputs.Length} outputs; at most {limits.MaxResources}, {limits.MaxParameters}, {limits.MaxOutputs}, and {limits.MaxBytes} bytes) and cannot grow without moving a placed service; run `compose2ecs synth --rebalance` to compute a new layout (it prints what moves and writes the stack refactor mapping)");
    }
}
