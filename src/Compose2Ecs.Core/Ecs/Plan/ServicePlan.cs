using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>
/// One compose service on ECS: a Fargate task definition, an ECS service, a security group,
/// a log group, task and execution roles, a Cloud Map registration when it listens, and a
/// load balancer per kind of published port.
/// </summary>
public sealed record ServicePlan
{
    /// <summary>The compose service name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the service is declared.</summary>
    public required SourceLocation Location { get; init; }

    public required TaskDefinitionPlan TaskDefinition { get; init; }

    public required EcsServicePlan EcsService { get; init; }

    public SecurityGroupPlan SecurityGroup { get; init; } = new();

    public RolePlan TaskRole { get; init; } = new();

    public RolePlan ExecutionRole { get; init; } = new();

    public LogGroupPlan LogGroup { get; init; } = new();

    /// <summary>The Cloud Map service (<c>&lt;service&gt;.&lt;namespace&gt;</c>); null when the service has no port.</summary>
    public DiscoveryPlan? Discovery { get; init; }

    public ImmutableArray<LoadBalancerPlan> LoadBalancers { get; init; } = [];

    /// <summary>From compose <c>labels</c>, on the task definition and the ECS service.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>The logical IDs of this service's resources.</summary>
    public ServiceIds Ids => new(Name);

    /// <summary>The app container: the one named after the service.</summary>
    public ContainerPlan AppContainer => TaskDefinition.Containers.First(c => c.Name == TaskDefinition.AppContainerName);

    public ServicePlan UpdateTaskDefinition(Func<TaskDefinitionPlan, TaskDefinitionPlan> update) => this with { TaskDefinition = update(TaskDefinition) };

    public ServicePlan UpdateEcsService(Func<EcsServicePlan, EcsServicePlan> update) => this with { EcsService = update(EcsService) };

    public ServicePlan AddTaskRoleStatements(params IEnumerable<IamStatement> statements) =>
        this with { TaskRole = TaskRole with { Statements = TaskRole.Statements.AddRange(statements) } };
}

/// <summary>The logical IDs of one service's resources; backends name theirs with <see cref="For"/>.</summary>
public readonly record struct ServiceIds(string Service)
{
    public string TaskDefinition => LogicalIds.For(Service, "TaskDefinition");

    public string EcsService => LogicalIds.For(Service, "Service");

    public string SecurityGroup => LogicalIds.For(Service, "SecurityGroup");

    public string LogGroup => LogicalIds.For(Service, "LogGroup");

    public string TaskRole => LogicalIds.For(Service, "TaskRole");

    public string ExecutionRole => LogicalIds.For(Service, "ExecutionRole");

    public string Discovery => LogicalIds.For(Service, "Discovery");

    public string LoadBalancer(LoadBalancerKind kind) => LogicalIds.For(Service, kind.Prefix());

    public string LoadBalancerSecurityGroup(LoadBalancerKind kind) => LogicalIds.For(Service, kind.Prefix() + "SecurityGroup");

    public string Listener(LoadBalancerKind kind, string protocol, int port) =>
        LogicalIds.For(Service, $"{kind.Prefix()}Listener{ProtocolWord(protocol)}{port}");

    public string TargetGroup(LoadBalancerKind kind, string protocol, int port) =>
        LogicalIds.For(Service, $"{kind.Prefix()}TargetGroup{ProtocolWord(protocol)}{port}");

    /// <summary>Any other resource of this service: <c>{part}{kind}</c>.</summary>
    public string For(string kind) => LogicalIds.For(Service, kind);

    /// <summary>"TCP_UDP" → "TcpUdp", "http" → "Http": protocol names as they read in an ID.</summary>
    public static string ProtocolWord(string protocol) =>
        string.Concat(protocol.Split('_', '-').Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
}

public sealed record SecurityGroupPlan
{
    /// <summary>Null: "&lt;project&gt; &lt;service&gt; tasks".</summary>
    public string? Description { get; init; }
}

/// <summary>An IAM role trusted by ECS tasks, with one inline policy of <see cref="Statements"/>.</summary>
public sealed record RolePlan
{
    /// <summary>The role's IAM path (<c>/consul-ecs/</c>, say); null: <c>/</c>.</summary>
    public string? Path { get; init; }

    public ImmutableArray<IamStatement> Statements { get; init; } = [];

    public ImmutableArray<CfnValue> ManagedPolicyArns { get; init; } = [];

    public ImmutableArray<KeyValuePair<string, string>> Tags { get; init; } = [];
}

/// <summary>One IAM policy statement. Resources are exact ARNs: the base never grants <c>*</c> where an ARN can be named.</summary>
public sealed record IamStatement(ImmutableArray<string> Actions, ImmutableArray<CfnValue> Resources)
{
    public string Effect { get; init; } = "Allow";

    /// <summary>The statement's <c>Condition</c> block, or null.</summary>
    public CfnMap? Condition { get; init; }
}

public sealed record LogGroupPlan
{
    public int RetentionInDays { get; init; } = 30;
}

/// <summary>A Cloud Map service: A records, MULTIVALUE routing, ECS-reported health.</summary>
public sealed record DiscoveryPlan(string Name)
{
    public int TtlSeconds { get; init; } = 10;
}
