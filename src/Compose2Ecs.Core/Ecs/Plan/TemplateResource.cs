using System.Collections.Immutable;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>
/// One CloudFormation resource as data. The base's own resources are built from the plan as
/// these; backends add their own to <see cref="EcsPlan.Resources"/> (cheap: they are
/// emitted together with the base, in one CDK call).
/// </summary>
/// <param name="LogicalId">From <see cref="Naming.LogicalIds"/>, so it is stable and cannot collide.</param>
/// <param name="Type">Such as <c>AWS::AppMesh::VirtualNode</c>.</param>
public sealed record TemplateResource(string LogicalId, string Type, CfnMap Properties)
{
    /// <summary>The compose service this resource belongs to: it is placed in that service's nested stack when the stack is split. Null: shared.</summary>
    public string? Owner { get; init; }

    /// <summary>Logical IDs this resource must be created after.</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary><c>Delete</c>, <c>Retain</c> or <c>Snapshot</c>; null for CloudFormation's default.</summary>
    public string? DeletionPolicy { get; init; }

    public string? UpdateReplacePolicy { get; init; }
}
