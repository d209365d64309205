using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// The pieces the base builds its services from, public so that a backend's own services
/// (gateways, controllers, servers, one-off tasks) are built the same way, not copied.
/// </summary>
public static class ServiceKit
{
    /// <summary>What a created VPC must finish before tasks can pull images: the private route through the NAT gateway.</summary>
    public static IEnumerable<string> NetworkReady(NetworkPlan network) =>
        network.Create ? [SharedIds.PrivateDefaultRoute, SharedIds.PrivateSubnetRouteTableAssociation(1), SharedIds.PrivateSubnetRouteTableAssociation(2)] : [];

    /// <summary>A task definition family, <c>&lt;project&gt;-&lt;service&gt;</c>, as ECS accepts it.</summary>
    public static string Family(string projectName, string service) => EcsNames.Clean($"{projectName}-{service}");

    /// <summary>The execution role's right to write the service's own log group.</summary>
    public static IamStatement LogStatement(ServiceIds ids) => LogStatement(CfnValue.GetAtt(ids.LogGroup, "Arn"));

    /// <summary>The right to write the log group <paramref name="logGroupArn"/>.</summary>
    public static IamStatement LogStatement(CfnValue logGroupArn) => new(["logs:CreateLogStream", "logs:PutLogEvents"], [logGroupArn]);

    /// <summary>
    /// A backend's own service planned as the base plans a compose service: family
    /// <c>&lt;project&gt;-&lt;name&gt;</c>, waiting for the network, its own security group and log
    /// group, the right to write that log group, and a Cloud Map registration when asked.
    /// </summary>
    public static ServicePlan Service(EcsPlan plan, BackendService service)
    {
        var ids = new ServiceIds(service.Name);
        var ecs = new EcsServicePlan
        {
            Create = service.CreateService,
            DesiredCount = service.DesiredCount,
            DependsOn = [.. service.DependsOn, .. NetworkReady(plan.Network)],
            ServiceRegistries = service.Discovery ? [new ServiceRegistryPlan(CfnValue.GetAtt(ids.Discovery, "Arn"))] : [],
            HealthCheckGracePeriodSeconds = service.HealthCheckGracePeriodSeconds,
        };
        return new ServicePlan
        {
            Name = service.Name,
            Location = service.Location,
            TaskDefinition = new TaskDefinitionPlan
            {
                Family = Family(plan.ProjectName, service.Name),
                AppContainerName = service.AppContainerName ?? service.Containers[0].Name,
                Containers = service.Containers,
            },
            EcsService = service.MaximumPercent is { } maximum ? ecs with { MaximumPercent = maximum } : ecs,
            SecurityGroup = new SecurityGroupPlan { Description = service.SecurityGroupDescription },
            TaskRole = new RolePlan { Statements = service.TaskStatements },
            ExecutionRole = new RolePlan { Statements = [LogStatement(ids), .. service.ExecutionStatements] },
            Discovery = service.Discovery ? new DiscoveryPlan(service.Name) : null,
            LoadBalancers = service.LoadBalancers,
        };
    }
}
