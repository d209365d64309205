using System.Collections.Immutable;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>The <c>AWS::ECS::Service</c>: Fargate, private subnets, the service's own security group.</summary>
public sealed record EcsServicePlan
{
    /// <summary>
    /// False: no <c>AWS::ECS::Service</c> is emitted, only the task definition and its roles, log
    /// group and security group (a task that something else runs once, such as a deploy-time job).
    /// </summary>
    public bool Create { get; init; } = true;

    public int DesiredCount { get; init; } = 1;

    /// <summary><c>DeploymentConfiguration.MaximumPercent</c>: how far above the desired count a deployment may run (a backend may lower it).</summary>
    public int MaximumPercent { get; init; } = 200;

    /// <summary>Compose services this one depends on: their ECS services are created first (CloudFormation <c>DependsOn</c>).</summary>
    public ImmutableArray<string> DependsOnServices { get; init; } = [];

    /// <summary>Other logical IDs the ECS service waits for (its listeners, the NAT route).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>Cloud Map registries (the base adds the service's own when it listens).</summary>
    public ImmutableArray<ServiceRegistryPlan> ServiceRegistries { get; init; } = [];

    /// <summary><c>ServiceConnectConfiguration</c>, for the Service Connect backend; null: none.</summary>
    public CfnMap? ServiceConnectConfiguration { get; init; }

    /// <summary>Seconds ECS ignores load balancer health checks after a task starts; null when there is no load balancer.</summary>
    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>Security groups besides the service's own (as ids).</summary>
    public ImmutableArray<CfnValue> ExtraSecurityGroups { get; init; } = [];

    /// <summary>Properties set as given on the emitted resource, after the base's own (an escape hatch for backends).</summary>
    public CfnMap Extra { get; init; } = CfnMap.Empty;
}

public sealed record ServiceRegistryPlan(CfnValue RegistryArn)
{
    /// <summary>For SRV records only.</summary>
    public string? ContainerName { get; init; }

    public int? ContainerPort { get; init; }
}
