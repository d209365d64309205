using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>One CloudFormation template: the root stack, or a nested stack when the application is split.</summary>
/// <param name="Id">Empty for the root; else the logical ID of the <c>AWS::CloudFormation::Stack</c> resource in the root.</param>
public sealed record TemplateDocument(string Id, ImmutableArray<TemplateResource> Resources)
{
    public string? Description { get; init; }

    /// <summary>String parameters (values a nested stack takes from its parent).</summary>
    public ImmutableArray<string> Parameters { get; init; } = [];

    public ImmutableArray<TemplateOutput> Outputs { get; init; } = [];

    public ImmutableArray<TemplateMapping> Mappings { get; init; } = [];

    public bool IsRoot => Id.Length == 0;
}

/// <summary>The root template and its nested templates (none unless the application is too big for one stack).</summary>
public sealed record TemplateSet(TemplateDocument Root, ImmutableArray<TemplateDocument> Nested)
{
    /// <summary>How many hash buckets services were split into; 0 when everything is in the root template.</summary>
    public int Buckets { get; init; }

    /// <summary>What splitting could not keep (a depends_on across nested stacks that would form a cycle).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; init; } = [];

    public IEnumerable<TemplateDocument> All => Nested.Prepend(Root);

    /// <summary>The template holding <paramref name="logicalId"/>.</summary>
    public TemplateDocument? Holding(string logicalId) => All.FirstOrDefault(d => d.Resources.Any(r => r.LogicalId == logicalId));
}
