using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>Where a resource goes when the application is split.</summary>
internal enum Placement
{
    /// <summary>Shared (no owner): the root template.</summary>
    Root,

    /// <summary>A service's security group: a <c>SecurityGroups{n}</c> stack, which depends on nothing but the root.</summary>
    SecurityGroup,

    /// <summary>The rest of a service's resources: its <c>ServiceGroup{n}</c> stack.</summary>
    Service,
}

/// <summary>What splitting needs to know about each resource, worked out once: placement, references, size.</summary>
internal sealed class SplitFacts
{
    public SplitFacts(ImmutableArray<TemplateResource> resources)
    {
        Resources = resources;
        Index = new Dictionary<string, int>(resources.Length, StringComparer.Ordinal);
        for (var i = 0; i < resources.Length; i++)
        {
            Index[resources[i].LogicalId] = i;
        }

        Placements = [.. resources.Select(r => r.Owner is null ? Placement.Root : r.Type == SecurityGroupType ? Placement.SecurityGroup : Placement.Service)];
        References = [.. resources.Select(r => ReferencesOf(r))];
        Bytes = [.. resources.Select(TemplateSize.Entry)];
        Hashes = resources.Select(r => r.Owner).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(o => o, StackSplitter.Hash, StringComparer.Ordinal);
    }

    public const string SecurityGroupType = "AWS::EC2::SecurityGroup";

    public ImmutableArray<TemplateResource> Resources { get; }

    public Dictionary<string, int> Index { get; }

    public ImmutableArray<Placement> Placements { get; }

    /// <summary>Each resource's distinct references to other resources of the application.</summary>
    public ImmutableArray<ImmutableArray<ResourceReference>> References { get; }

    /// <summary>Each resource's bytes as an entry of a template's <c>Resources</c>.</summary>
    public ImmutableArray<int> Bytes { get; }

    /// <summary>The bucket hash of each owning service.</summary>
    public Dictionary<string, uint> Hashes { get; }

    public TemplateResource this[string logicalId] => Resources[Index[logicalId]];

    /// <summary>
    /// A security group's id (<c>Ref</c>, <c>GroupId</c>) or VPC id: about 20 characters, never a comma, so many fit one
    /// <c>CommaDelimitedList</c> parameter. Other values (ARNs, names) travel one per parameter.
    /// </summary>
    public bool IsListable(ResourceReference reference) =>
        Placements[Index[reference.LogicalId]] == Placement.SecurityGroup && reference.Attribute is null or "GroupId" or "VpcId";

    private ImmutableArray<ResourceReference> ReferencesOf(TemplateResource resource) =>
        [.. Templates.References.In(resource.Properties).Where(r => Index.ContainsKey(r.LogicalId) && r.LogicalId != resource.LogicalId).Distinct()];
}
