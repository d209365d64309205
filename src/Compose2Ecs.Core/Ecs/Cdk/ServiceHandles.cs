using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Compose2Ecs.Core.Ecs.Plan;
using Constructs;
using EcsService = Amazon.CDK.AWS.ECS.CfnService;
using CloudMapService = Amazon.CDK.AWS.ServiceDiscovery.CfnService;
using TaskDefinition = Amazon.CDK.AWS.ECS.CfnTaskDefinition;

namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>
/// One service's emitted resources, as CDK L1 constructs. Each is fetched from the included
/// template the first time it is read (one jsii call), so unused handles cost nothing.
/// References between constructs in different nested stacks are wired by the CDK.
/// </summary>
public sealed class ServiceHandles
{
    private readonly EmitContext _context;

    internal ServiceHandles(EmitContext context, ServicePlan plan)
    {
        _context = context;
        Plan = plan;
    }

    public string Name => Plan.Name;

    /// <summary>The final (sized) plan of the service.</summary>
    public ServicePlan Plan { get; }

    public ServiceIds Ids => Plan.Ids;

    /// <summary>The stack (root or nested) that holds the service's task definition and ECS service: add the service's own resources here.</summary>
    public Stack Scope => _context.StackOf(Ids.TaskDefinition);

    public TaskDefinition TaskDefinition => (TaskDefinition)_context.Resource(Ids.TaskDefinition);

    public EcsService EcsService => (EcsService)_context.Resource(Ids.EcsService);

    public CfnSecurityGroup SecurityGroup => (CfnSecurityGroup)_context.Resource(Ids.SecurityGroup);

    /// <summary>The task security group's id (a token).</summary>
    public string SecurityGroupId => SecurityGroup.AttrGroupId;

    public CfnRole TaskRole => (CfnRole)_context.Resource(Ids.TaskRole);

    public CfnRole ExecutionRole => (CfnRole)_context.Resource(Ids.ExecutionRole);

    public CfnLogGroup LogGroup => (CfnLogGroup)_context.Resource(Ids.LogGroup);

    /// <summary>The Cloud Map service; null when the service has no port.</summary>
    public CloudMapService? Discovery => Plan.Discovery is null ? null : (CloudMapService)_context.Resource(Ids.Discovery);

    public IReadOnlyList<CfnLoadBalancer> LoadBalancers =>
        [.. Plan.LoadBalancers.Select(lb => (CfnLoadBalancer)_context.Resource(Ids.LoadBalancer(lb.Kind)))];

    /// <summary>Any other resource of this service, by kind (<c>Resource("AlbListenerHttp80")</c>), including backend resources added to the plan.</summary>
    public CfnResource Resource(string kind) => _context.Resource(Ids.For(kind));
}
