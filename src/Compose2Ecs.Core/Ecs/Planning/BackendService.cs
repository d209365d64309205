using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// What a backend's own ECS service (a gateway, a controller, a server, a one-off task) is
/// made of. <see cref="ServiceKit.Service"/> turns it into a <see cref="ServicePlan"/> the way the
/// base plans a compose service, so the base emits, sizes, splits and secures it like any other
/// and no backend builds the record by hand.
/// </summary>
/// <param name="Name">The service's name: its logical IDs, family and log group come from it.</param>
/// <param name="Location">Where it comes from in the compose file (errors about it point there).</param>
/// <param name="Containers">Its containers; the first is the app container unless <see cref="AppContainerName"/> says otherwise.</param>
/// <param name="SecurityGroupDescription">Says whose service it is in the EC2 console.</param>
public sealed record BackendService(string Name, SourceLocation Location, ImmutableArray<ContainerPlan> Containers, string SecurityGroupDescription)
{
    public string? AppContainerName { get; init; }

    /// <summary>False: a task definition only, run by something else (a deploy-time job).</summary>
    public bool CreateService { get; init; } = true;

    public int DesiredCount { get; init; } = 1;

    /// <summary>null: the base's default.</summary>
    public int? MaximumPercent { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>Logical IDs the ECS service waits for besides the network (its listeners).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>Registered in Cloud Map as <c>&lt;name&gt;.&lt;namespace&gt;</c>.</summary>
    public bool Discovery { get; init; }

    public ImmutableArray<IamStatement> TaskStatements { get; init; } = [];

    /// <summary>Besides the right to write its own log group, which every service gets.</summary>
    public ImmutableArray<IamStatement> ExecutionStatements { get; init; } = [];

    public ImmutableArray<LoadBalancerPlan> LoadBalancers { get; init; } = [];
}
