namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>A security group a rule applies to or comes from.</summary>
public abstract record SecurityGroupRef
{
    /// <summary>The service whose nested stack holds a rule on this group, or null.</summary>
    public abstract string? Owner { get; }
}

/// <summary>A service's task security group.</summary>
public sealed record ServiceSecurityGroup(string Service) : SecurityGroupRef
{
    public override string? Owner => Service;
}

/// <summary>The security group of a service's load balancer.</summary>
public sealed record LoadBalancerSecurityGroup(string Service, LoadBalancerKind Kind) : SecurityGroupRef
{
    public override string? Owner => Service;
}

/// <summary>A security group outside the stack (a Consul server group, say), by id.</summary>
public sealed record ExternalSecurityGroup(CfnValue GroupId) : SecurityGroupRef
{
    public override string? Owner => null;
}

/// <summary>An IPv4 range, as the source of a rule: only load balancers take <c>0.0.0.0/0</c>.</summary>
public sealed record CidrSource(string Cidr) : SecurityGroupRef
{
    public override string? Owner => null;
}

/// <summary>
/// One <c>AWS::EC2::SecurityGroupIngress</c>: <paramref name="Source"/> may reach
/// <paramref name="Target"/> on <paramref name="Protocol"/> ports <paramref name="FromPort"/>–<paramref name="ToPort"/>.
/// Never protocol <c>-1</c> between services.
/// </summary>
public sealed record IngressRulePlan(string LogicalId, SecurityGroupRef Target, SecurityGroupRef Source, string Protocol, int FromPort, int ToPort, string Description)
{
    /// <summary>The target's service, else the source's: where the rule lives when the stack is split.</summary>
    public string? Owner => Target.Owner ?? Source.Owner;
}
