using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>One CloudFormation template: the root stack, or a nested stack when the application is split.</summary>
/// <param name="Id">Empty for the root; else the logical ID of the <c>AWS::CloudFormation::Stack</c> resource in its parent.</param>
public sealed record TemplateDocument(string Id, ImmutableArray<TemplateResource> Resources)
{
    public string? Description { get; init; }

    /// <summary>Parameters (values a nested stack takes from its parent): <c>String</c> unless named in <see cref="ListParameters"/>.</summary>
    public ImmutableArray<string> Parameters { get; init; } = [];

    /// <summary>The parameters that are <c>CommaDelimitedList</c>s: many ids in one parameter, read with <c>Fn::Select</c>.</summary>
    public ImmutableArray<string> ListParameters { get; init; } = [];

    public ImmutableArray<TemplateOutput> Outputs { get; init; } = [];

    /// <summary>Mappings (the App Mesh Envoy image by region, say): every template gets every mapping, so a lookup works wherever a container lands.</summary>
    public ImmutableArray<TemplateMapping> Mappings { get; init; } = [];

    /// <summary>The <see cref="Id"/> of the template holding this one's stack resource: empty for the root's children, null for the root.</summary>
    public string? Parent { get; init; }

    /// <summary>For a stack of services: which services it holds (those whose name hashes into the bucket).</summary>
    public HashBucket? Bucket { get; init; }

    public bool IsRoot => Id.Length == 0;
}

/// <summary>
/// The services whose <see cref="StackSplitter.Bucket"/> over <c>2^Depth</c> buckets is <see cref="Index"/>.
/// A bucket that outgrows a template splits into <c>(Depth+1, Index)</c> and <c>(Depth+1, Index + 2^Depth)</c>.
/// </summary>
public sealed record HashBucket(int Depth, int Index)
{
    public bool Holds(uint hash) => Depth == 0 || (hash & ((1u << Depth) - 1)) == (uint)Index;
}

/// <summary>The root template and its nested templates (none unless the application is too big for one stack).</summary>
public sealed record TemplateSet(TemplateDocument Root, ImmutableArray<TemplateDocument> Nested)
{
    /// <summary>What splitting could not keep (a depends_on across nested stacks that would form a cycle), or moved (outputs past the root's limit).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Where each service's resources went: what <c>synth</c> writes to the stack layout file.</summary>
    public StackLayout Layout { get; init; } = new([]);

    public IEnumerable<TemplateDocument> All => Nested.Prepend(Root);

    /// <summary>The templates whose stack resources are in <paramref name="parent"/>.</summary>
    public IEnumerable<TemplateDocument> Children(TemplateDocument parent) => Nested.Where(d => d.Parent == parent.Id);

    /// <summary>The template holding <paramref name="logicalId"/>.</summary>
    public TemplateDocument? Holding(string logicalId) => All.FirstOrDefault(d => d.Resources.Any(r => r.LogicalId == logicalId));
}
