namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>CloudFormation's per-template limits, with a margin on size for the CDK's own re-serialization.</summary>
public sealed record SplitLimits
{
    public int MaxResources { get; init; } = 500;

    public int MaxBytes { get; init; } = 1_000_000;

    public int MaxParameters { get; init; } = 200;

    public int MaxOutputs { get; init; } = 200;

    public static SplitLimits CloudFormation { get; } = new();
}
