using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>Which kinds of resources a service owns: security groups (their own stacks when split) and the rest.</summary>
internal readonly record struct OwnedKinds(bool SecurityGroups, bool Others);

/// <summary>The stack layout a split produced, for the layout file.</summary>
internal static class StackLayouts
{
    public static SortedDictionary<string, OwnedKinds> Kinds(ImmutableArray<TemplateResource> resources)
    {
        var kinds = new SortedDictionary<string, OwnedKinds>(StringComparer.Ordinal);
        foreach (var resource in resources.Where(r => r.Owner is not null))
        {
            var kind = kinds.GetValueOrDefault(resource.Owner!);
            kinds[resource.Owner!] = resource.Type == SplitFacts.SecurityGroupType ? kind with { SecurityGroups = true } : kind with { Others = true };
        }

        return kinds;
    }

    /// <summary>One template: every service in the root.</summary>
    public static StackLayout AllInRoot(SortedDictionary<string, OwnedKinds> kinds) =>
        new([.. kinds.Select(k => new ServicePlacement(k.Key, k.Value.SecurityGroups ? "" : null, k.Value.Others ? "" : null, "", 0, SourceLocation.None))]);

    /// <param name="kept">The layout the split kept (null: computed from the names, generation 0).</param>
    public static StackLayout From(SortedDictionary<string, OwnedKinds> kinds, SplitLayout layout, StackTree tree, StackLayout? kept) =>
        new([.. kinds.Select(k =>
        {
            var security = k.Value.SecurityGroups ? layout.SecurityHome[k.Key] : null;
            var service = k.Value.Others ? layout.ServiceHome[k.Key] : null;
            return new ServicePlacement(k.Key, security, service, service is { Length: > 0 } ? tree.Parent(service) : "",
                kept is null ? 0 : kept.Find(k.Key)?.Generation ?? kept.NextGeneration, SourceLocation.None);
        })]);
}

/// <summary>A stack layout against the project: lines of services that are gone are dropped, each with a note.</summary>
internal static class StackLayoutCleaning
{
    /// <returns>The placements of current services (null when none is left: placement is computed afresh), and a note per dropped line of a split layout.</returns>
    public static (StackLayout? Kept, ImmutableArray<Diagnostic> Notes) Clean(StackLayout? prior, EcsPlan plan)
    {
        if (prior is null)
        {
            return (null, []);
        }

        // A layout of one template frees no stack's room: its stale lines go without a note (a backend that adds a
        // service of its own, run after another backend on the same compose file, would otherwise always warn).
        var current = plan.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        ImmutableArray<Diagnostic> notes = !prior.IsSplit ? [] : prior.Services.Where(s => !current.Contains(s.Service))
            .Select(s => Diagnostic.Warning(s.Location, Planning.EcsDiagnosticCodes.LayoutServiceRemoved,
                $"the stack layout places service {s.Service}, which the project no longer has; its line is dropped and its room in {Show(s)} freed (no other service moves)"))
            .ToImmutableArray();
        var kept = new StackLayout([.. prior.Services.Where(s => current.Contains(s.Service))], prior.File);
        return (kept.Services.IsEmpty ? null : kept, notes);
    }

    private static string Show(ServicePlacement placement) =>
        placement.ServicePath is { Length: > 0 } path ? path : placement.SecurityStack is { Length: > 0 } security ? security : "the root";
}
