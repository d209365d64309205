namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// CloudFormation's per-template limits. Bytes keep a margin under the 1 MiB that
/// <c>aws cloudformation deploy</c> accepts through S3, for the CDK's own re-serialization.
/// </summary>
public sealed record SplitLimits
{
    public int MaxResources { get; init; } = 500;

    public int MaxBytes { get; init; } = 1_000_000;

    public int MaxParameters { get; init; } = 200;

    public int MaxOutputs { get; init; } = 200;

    /// <summary>The largest value one parameter takes: bounds how many ids share a <c>CommaDelimitedList</c>.</summary>
    public int MaxParameterBytes { get; init; } = 4096;

    public static SplitLimits CloudFormation { get; } = new();

    /// <summary>How many security-group ids (at most 24 characters and a comma each) one list parameter carries.</summary>
    public int IdsPerList => Math.Max(1, MaxParameterBytes / 25);
}
