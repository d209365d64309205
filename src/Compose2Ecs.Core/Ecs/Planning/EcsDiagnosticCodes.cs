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

    /// <summary>A secret ARN that does not name exactly one secret (a wildcard, or a part missing): the execution role would read more than the service needs.</summary>
    public const string SecretNotOne = "C2E3101";
}
