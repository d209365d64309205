using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Keeps every template within CloudFormation's limits (resources, bytes, parameters, outputs).
/// When the whole application fits in one template, it stays one. Otherwise shared resources
/// stay in the root and services go to nested stacks by a stable hash of their name: their
/// security groups to <c>SecurityGroups{n}</c> stacks, the rest to <c>ServiceGroup{n}</c> stacks
/// (<see cref="SplitPlacer"/>). Security groups in stacks of their own mean rules between
/// services never make two service stacks depend on each other. References across templates
/// become outputs and parameters (<see cref="Channel"/>); security-group ids travel many to a
/// parameter. When the root would pass a limit, a middle level of <c>Services{m}</c> stacks
/// holds the service stacks (<see cref="StackTree"/>).
/// </summary>
public static class StackSplitter
{
    /// <summary>How often a template that was estimated to fit but did not may make its bucket split.</summary>
    internal const int MaxAttempts = 12;

    /// <param name="prior">The stack layout file's placement: each service it places stays in its template (null: computed from the names, as for a first run).</param>
    public static TemplateSet Split(EcsPlan plan, ImmutableArray<TemplateResource> resources, SplitLimits? limits = null, StackLayout? prior = null)
    {
        limits ??= SplitLimits.CloudFormation;
        var (kept, notes) = StackLayoutCleaning.Clean(prior, plan);
        if (plan.Mappings.IsEmpty)
        {
            return Finish(SplitResources(plan, resources, limits, kept), notes);
        }

        // Every template carries every mapping (a container that looks one up may land in any
        // stack), so the byte budget for the rest shrinks by their size.
        var mappingBytes = TemplateJson.Size(new TemplateDocument("", []) { Mappings = plan.Mappings }) - TemplateJson.Size(new TemplateDocument("", []));
        var set = SplitResources(plan, resources, limits with { MaxBytes = limits.MaxBytes - mappingBytes }, kept);
        return Finish(set with
        {
            Root = set.Root with { Mappings = plan.Mappings },
            Nested = [.. set.Nested.Select(d => d with { Mappings = plan.Mappings })],
        }, notes);
    }

    private static TemplateSet Finish(TemplateSet set, ImmutableArray<Diagnostic> notes) =>
        notes.IsEmpty ? set : set with { Warnings = [.. notes, .. set.Warnings] };

    private static TemplateSet SplitResources(EcsPlan plan, ImmutableArray<TemplateResource> resources, SplitLimits limits, StackLayout? kept)
    {
        var description = $"compose2ecs: {plan.ProjectName} on ECS Fargate (--mesh {plan.BackendName})";
        var kinds = StackLayouts.Kinds(resources);
        // A fresh placement keeps one template only with room left for the nested stacks the root
        // gains when the project later crosses the limit, so that crossing moves nothing. A kept
        // single-template layout uses the whole template (its services cannot move out).
        var single = kept is null ? limits with { MaxResources = limits.MaxResources - SingleTemplateRoom.Resources, MaxBytes = limits.MaxBytes - SingleTemplateRoom.Bytes } : limits;
        if (resources.Length <= single.MaxResources && plan.Outputs.Length <= limits.MaxOutputs && kept?.IsSplit != true)
        {
            var whole = new TemplateDocument("", resources) { Description = description, Outputs = plan.Outputs };
            if (Fits(whole, single))
            {
                return new TemplateSet(whole, []) { Layout = StackLayouts.AllInRoot(kinds) };
            }
        }

        // Past the root's output limit, each service's outputs stay in its own stack (readable there).
        var outputsInStacks = plan.Outputs.Length > limits.MaxOutputs;
        var inRoot = (string? owner) => owner is null || kept?.Find(owner)?.ServiceStack is "";
        var rootOutputs = outputsInStacks ? [.. plan.Outputs.Where(o => inRoot(o.Owner))] : plan.Outputs;
        var warnings = outputsInStacks
            ? ImmutableArray.Create(Diagnostic.Warning(SourceLocation.None, EcsDiagnosticCodes.OutputsOverLimit,
                $"the application has {plan.Outputs.Length} stack outputs, more than CloudFormation allows in one template ({limits.MaxOutputs}); each service's outputs (load balancer DNS names) are outputs of the nested stack that holds the service"))
            : [];

        var placed = kept is null ? resources : StickySplit.Reown(resources, kept);
        var facts = new SplitFacts(placed);
        var placer = new SplitPlacer(facts, limits, plan, outputsInStacks);
        var services = plan.Services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var built = kept is null
            ? Hashed(plan, facts, placer, limits, rootOutputs, description, services)
            : StickySplit.Build(kept, facts, placer, limits, plan, rootOutputs, description, services);
        if (built is { } result)
        {
            return (kept is null ? result.Set : StickySplit.RestoreOwners(result.Set, resources)) with
            {
                Warnings = [.. warnings, .. result.Set.Warnings],
                Layout = StackLayouts.From(kinds, result.Layout, result.Tree, kept),
            };
        }

        // Located at the service with the most resources (the one to split or trim first), else the first service.
        var biggest = resources.Where(r => r.Owner is not null).GroupBy(r => r.Owner!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
        var at = (biggest is null ? null : plan.FindService(biggest))?.Location ?? plan.Services.FirstOrDefault()?.Location ?? SourceLocation.None;
        throw new InvalidInputException(at, EcsDiagnosticCodes.TooLarge,
            $"the application does not fit in CloudFormation's limits even split into nested stacks ({resources.Length} resources{(biggest is null ? "" : $"; services.{biggest} has the most")}); deploy it as several compose projects, or remove services or routes");
    }

    /// <summary>Placement from the names alone: hash buckets, split until every template fits, then the fewest middle stacks the root needs.</summary>
    private static (TemplateSet Set, SplitLayout Layout, StackTree Tree)? Hashed(EcsPlan plan, SplitFacts facts, SplitPlacer placer, SplitLimits limits,
        ImmutableArray<TemplateOutput> rootOutputs, string description, Dictionary<string, ServicePlan> services)
    {
        var forcedSecurity = new HashSet<HashBucket>();
        var forcedServices = new HashSet<HashBucket>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var layout = placer.Place(forcedSecurity, forcedServices);
            string Home(string id) => placer.Home(id, layout.SecurityHome, layout.ServiceHome);
            var leaves = LeafWiring.Build(facts, layout, Home, plan, rootOutputs, description);

            var tooBig = leaves.Documents.Values.Where(d => !Fits(d, limits)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            if (tooBig.Count > 0)
            {
                forcedSecurity.UnionWith(layout.SecurityStacks.Where(p => tooBig.Contains(p.Id)).Select(p => p.Bucket!));
                forcedServices.UnionWith(layout.ServiceStacks.Where(p => tooBig.Contains(p.Id)).Select(p => p.Bucket!));
                continue;
            }

            // The fewest middle stacks that keep the root and each of them within the limits; none if the root can hold every stack.
            for (var level = 0; level == 0 || 1 << (level - 1) < layout.ServiceStacks.Count; level++)
            {
                var tree = new StackTree(layout, level);
                var set = new ParentWiring(facts, layout, leaves, tree, Home).Build(plan, rootOutputs, description, services);
                if (FitsTree(set, tree, limits))
                {
                    return (set, layout, tree);
                }
            }

            break;
        }

        return null;
    }

    /// <summary>Whether the templates that hold stacks (the root, the middle stacks) are within the limits; the leaves were checked before.</summary>
    /// <summary>
    /// What a fresh single-template placement leaves free: crossing the limit later adds the first
    /// nested stacks (a stack resource each, their parameters' references) to the root.
    /// </summary>
    public static (int Resources, int Bytes) SingleTemplateRoom { get; } = (10, 20_000);

    internal static bool FitsTree(TemplateSet set, StackTree tree, SplitLimits limits) =>
        Fits(set.Root, limits) && set.Nested.Where(d => tree.Middles.Contains(d.Id)).All(d => Fits(d, limits));

    /// <summary>Whether a template is within the limits: resources, parameters, outputs, and bytes as the CDK will write it.</summary>
    public static bool Fits(TemplateDocument document, SplitLimits limits) =>
        document.Resources.Length <= limits.MaxResources
        && document.Parameters.Length <= limits.MaxParameters
        && document.Outputs.Length <= limits.MaxOutputs
        && Bytes(document, limits) <= limits.MaxBytes;

    /// <summary>The bucket of a service among <paramref name="buckets"/> (a power of two): a stable hash of its name, so it stays put as services come and go.</summary>
    public static int Bucket(string service, int buckets) => (int)(Hash(service) % (uint)buckets);

    /// <summary>The first 32 bits of the SHA-256 of the name; its low bits pick the bucket.</summary>
    public static uint Hash(string service) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(service)));

    /// <summary>Counted bytes, written out for real when near the limit (what the count does not know, such as new template sections, shows there).</summary>
    private static int Bytes(TemplateDocument document, SplitLimits limits)
    {
        var counted = TemplateSize.Of(document);
        return counted < limits.MaxBytes * 0.9 ? counted
            : TemplateJson.Size(document) + document.Resources.Count(r => r.Type == StackResource.Type) * TemplateSize.CdkStackOverhead;
    }
}
