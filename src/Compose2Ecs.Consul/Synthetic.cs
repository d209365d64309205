using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;

namespace Compose2Ecs.Consul;

/// <summary>
/// The backend's own ECS services (dev server, ACL controller, API gateway, config-entries
/// task), planned through the base's <see cref="ServiceKit.Service"/> so the base emits, sizes
/// and splits them like any other: task definition, ECS service, security group, log group, roles.
/// </summary>
internal static class Synthetic
{
    public static ServicePlan Service(ConsulContext consul, string name, ContainerPlan container, bool discovery, bool createService = true) =>
        ServiceKit.Service(consul.BasePlan, new BackendService(name, consul.Location, [container], $"{consul.Model.ProjectName} {name} (consul backend)")
        {
            CreateService = createService,
            Discovery = discovery,
        });
}
