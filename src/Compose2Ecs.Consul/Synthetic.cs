using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;

namespace Compose2Ecs.Consul;

/// <summary>
/// The backend's own ECS services (dev server, ACL controller, API gateway, config-entries
/// task), planned with the same types as compose services so the base emits, sizes and splits
/// them like any other: task definition, ECS service, security group, log group, roles.
/// </summary>
internal static class Synthetic
{
    public static ServicePlan Service(ConsulContext consul, string name, ContainerPlan container, bool discovery, bool createService = true)
    {
        var ids = new ServiceIds(name);
        return new ServicePlan
        {
            Name = name,
            Location = consul.Location,
            TaskDefinition = new TaskDefinitionPlan
            {
                Family = consul.Family(name),
                AppContainerName = container.Name,
                Containers = [container],
            },
            EcsService = new EcsServicePlan
            {
                Create = createService,
                DesiredCount = 1,
                DependsOn = consul.NetworkReady,
                ServiceRegistries = discovery ? [new ServiceRegistryPlan(CfnValue.GetAtt(ids.Discovery, "Arn"))] : [],
            },
            SecurityGroup = new SecurityGroupPlan { Description = $"{consul.Model.ProjectName} {name} (consul backend)" },
            ExecutionRole = new RolePlan
            {
                Statements = [ServiceKit.LogStatement(ids)],
            },
            Discovery = discovery ? new DiscoveryPlan(name) : null,
        };
    }
}
