using System.Collections.Immutable;

namespace Compose2Ecs.Core.Ecs.Plan;

public enum LoadBalancerKind
{
    /// <summary>ALB: HTTP.</summary>
    Application,

    /// <summary>NLB: TCP and UDP.</summary>
    Network,
}

public static class LoadBalancerKindExtensions
{
    /// <summary>The word in logical IDs: <c>Alb</c> or <c>Nlb</c>.</summary>
    public static string Prefix(this LoadBalancerKind kind) => kind == LoadBalancerKind.Application ? "Alb" : "Nlb";

    /// <summary>The <c>Type</c> of <c>AWS::ElasticLoadBalancingV2::LoadBalancer</c>.</summary>
    public static string CfnType(this LoadBalancerKind kind) => kind == LoadBalancerKind.Application ? "application" : "network";
}

/// <summary>An internet-facing load balancer in the public subnets for one service's published ports.</summary>
public sealed record LoadBalancerPlan(LoadBalancerKind Kind, ImmutableArray<ListenerPlan> Listeners)
{
    /// <summary>One target group per distinct container port and protocol, in listener order.</summary>
    public IEnumerable<TargetGroupPlan> TargetGroups =>
        Listeners.GroupBy(l => (l.TargetPort, l.Protocol))
            .Select(g => new TargetGroupPlan(g.Key.TargetPort, g.Key.Protocol, g.First().HealthCheckPath, g.First().HealthCheckPort));

    /// <summary>
    /// The container ports (and health-check ports) the load balancer sends traffic to, as IP
    /// protocol and port: its security group's egress, and the service's ingress from it.
    /// </summary>
    public IEnumerable<(string Protocol, int Port)> TargetPorts =>
        TargetGroups
            .SelectMany(t => ListenerPlan.IpProtocols(t.Protocol).Select(p => (Protocol: p, t.Port))
                .Concat(t.HealthCheckPort is { } h ? [("tcp", h)] : []))
            .Distinct();
}

/// <summary>A listener on the published port that forwards to the container port.</summary>
/// <param name="Protocol"><c>HTTP</c> (ALB), <c>TCP</c>, <c>UDP</c> or <c>TCP_UDP</c> (NLB).</param>
/// <param name="HealthCheckPath">The path the target group checks over HTTP (ALB; an NLB checks over HTTP only when given one).</param>
/// <param name="HealthCheckPort">A port of the same task to check instead of the traffic port (NLB over UDP: a TCP port; a proxy's admin port); null: the traffic port.</param>
public sealed record ListenerPlan(int Port, string Protocol, int TargetPort, string? HealthCheckPath, int? HealthCheckPort = null)
{
    /// <summary>An ACM certificate: the listener terminates TLS (HTTPS on an ALB, TLS on an NLB) and forwards in the clear; null: none.</summary>
    public CfnValue? CertificateArn { get; init; }

    /// <summary>The listener's protocol as the load balancer takes it: <see cref="Protocol"/>, or HTTPS/TLS with a certificate.</summary>
    public string ListenerProtocol => CertificateArn is null ? Protocol : Protocol == "HTTP" ? "HTTPS" : "TLS";

    /// <summary>The IP protocols a listener protocol carries: "HTTP" → tcp; "TCP_UDP" → tcp and udp.</summary>
    public static IEnumerable<string> IpProtocols(string listenerProtocol) => listenerProtocol switch
    {
        "UDP" => ["udp"],
        "TCP_UDP" => ["tcp", "udp"],
        _ => ["tcp"],
    };
}

public sealed record TargetGroupPlan(int Port, string Protocol, string? HealthCheckPath, int? HealthCheckPort);
