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

    /// <summary>Warning: A value past what ECS allows is clamped (health check timings, <c>stop_grace_period</c> beyond 120 s).</summary>
    public const string ValueClamped = "C2E3004";

    /// <summary>Warning: A container setting Fargate does not have is left out (a ulimit, a capability, a tmpfs or other volume type, a platform, a reservation above the limit, a health check that is not CMD or CMD-SHELL).</summary>
    public const string NotOnFargate = "C2E3005";

    /// <summary>Warning: A volume becomes the task's own storage: its data is lost when the task stops (a named or anonymous volume), or a bind mount's host files are not there.</summary>
    public const string TaskStorage = "C2E3006";

    /// <summary>Warning: A published port gets no load balancer listener: published on loopback only, published twice, past the target group limit, or UDP with no TCP port to check.</summary>
    public const string PortNotPublished = "C2E3007";

    /// <summary>Warning: compose2ecs does not build images: the service's <c>build</c> is not run, and its image must be pushed before deploying.</summary>
    public const string BuildNotRun = "C2E3008";

    /// <summary>A service has no image to run: only <c>build</c> and no registry, or neither.</summary>
    public const string NoImage = "C2E3009";

    /// <summary>Warning: A <c>depends_on</c> condition ECS cannot honour as compose does (<c>service_healthy</c> without a compose health check, <c>service_completed_successfully</c> on a long-running service).</summary>
    public const string DependsOnCondition = "C2E3012";

    /// <summary>A service's secret cannot be given to ECS: not declared at the top level, from a source ECS cannot read (a file, an environment variable), or not a Secrets Manager ARN nor an SSM parameter.</summary>
    public const string SecretSource = "C2E3013";

    /// <summary>Two secrets, or a secret and <c>environment</c>, would set the same environment variable.</summary>
    public const string SecretVariableClash = "C2E3014";

    /// <summary>Warning: A secret is given to the container as an environment variable, not as a file at <c>/run/secrets/</c>: an app that reads the file does not find it.</summary>
    public const string SecretAsVariable = "C2E3015";

    /// <summary>A service publishes ports, so it needs a load balancer in public subnets, and the existing VPC lists none.</summary>
    public const string PublicSubnetsRequired = "C2E3016";

    /// <summary><c>deploy.replicas</c> (or <c>scale</c>) is below 0.</summary>
    public const string NegativeReplicas = "C2E3017";

    /// <summary>Warning: A label cannot become an AWS tag (reserved prefix, too long, characters AWS refuses); it is left out.</summary>
    public const string NotATag = "C2E3018";

    /// <summary>Warning: The application has more stack outputs than one template allows; the outputs past the limit are left out of the parent.</summary>
    public const string OutputsOverLimit = "C2E3205";
}
