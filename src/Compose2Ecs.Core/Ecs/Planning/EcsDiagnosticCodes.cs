namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Codes of the findings of ECS planning (C2E3xxx): the compose keys Fargate has no use for and
/// what the base mapping changes. Listed with their meaning in docs/diagnostics.md.
/// </summary>
public static class EcsDiagnosticCodes
{
    /// <summary>A service key with no ECS Fargate equivalent; it is left out.</summary>
    public const string IgnoredKey = "C2E3001";

    /// <summary>A logging driver other than awslogs, or logging options, replaced by the service's log group.</summary>
    public const string LoggingReplaced = "C2E3002";

    /// <summary>A <c>deploy</c> key with no ECS Fargate equivalent.</summary>
    public const string IgnoredDeployKey = "C2E3003";

    /// <summary>With <c>--mesh none</c>, a route's match rules, weights, retries or timeouts: a plain DNS name of its targets cannot apply them.</summary>
    public const string RouteWithoutProxy = "C2E3010";

    /// <summary>With <c>--mesh none</c>, a route's port differs from a target's listener: nothing translates the port without a proxy.</summary>
    public const string RoutePortDiffers = "C2E3011";

    /// <summary>A secret ARN that does not name exactly one secret (a wildcard, or a part missing): the execution role would read more than the service needs.</summary>
    public const string SecretNotOne = "C2E3101";

    /// <summary>A name AWS limits (a Cloud Map DNS label of 63, 127 in all) that compose2ecs cannot shorten because other services call it by that name.</summary>
    public const string NameTooLong = "C2E3102";

    /// <summary>Two services whose AWS names are the same after sanitising (DNS ignores case; a task family turns '.' into '-').</summary>
    public const string NameCollision = "C2E3103";

    /// <summary>A name given in x-mesh that AWS would refuse (and that would reach an IAM ARN, inside Fn::Sub): an ECS cluster name or ARN.</summary>
    public const string InvalidName = "C2E3104";

    /// <summary>A control character (newline, NUL, …) in a route path, header name or value.</summary>
    public const string ControlCharacter = "C2E3105";

    /// <summary>A service asks for more CPU or memory than the largest Fargate task has.</summary>
    public const string TooLarge = "C2E3106";

    /// <summary>The stack layout file names a service the project no longer has; its line is dropped (its room freed, no other service moved).</summary>
    public const string LayoutServiceRemoved = "C2E3201";

    /// <summary>The stack layout file is not one placement per line (<c>service security-template resources-template</c>).</summary>
    public const string LayoutMalformed = "C2E3202";

    /// <summary>The stack layout file keeps services where a template passes a CloudFormation limit; <c>synth --rebalance</c> computes a new layout.</summary>
    public const string LayoutOverLimit = "C2E3203";

    /// <summary>A split application: ordering two nested stacks as one resource's DependsOn asks would make them wait for each other in a cycle, so that order is left out.</summary>
    public const string SplitOrderCycle = "C2E3204";
}
