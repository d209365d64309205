using System.Collections.Immutable;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Ingress;

/// <summary>
/// One way in from a load balancer: its listener (<paramref name="ListenerPort"/>, <paramref name="ListenerProtocol"/>)
/// forwards to <paramref name="TargetGroup"/>, whose targets are the tasks of <paramref name="Task"/>'s ECS service,
/// registered as <paramref name="Container"/>:<paramref name="ContainerPort"/>.
/// </summary>
/// <param name="Task">The ECS service's task; null when no ECS service registers targets in the group.</param>
/// <param name="LoadBalancerGroups">The load balancer's security groups (empty: traffic arrives from the clients' addresses).</param>
public sealed record IngressPath(
    string Entry,
    Resource LoadBalancer,
    Resource Listener,
    int ListenerPort,
    string ListenerProtocol,
    Resource TargetGroup,
    AppTask? Task,
    string Container,
    int ContainerPort,
    ImmutableArray<ResourceId> LoadBalancerGroups)
{
    /// <summary>The target group's protocol towards the tasks: HTTP, HTTPS, TCP, TLS, UDP.</summary>
    public string TargetProtocol { get; init; } = "HTTP";

    /// <summary>The port the health check probes: the traffic port unless the group names another.</summary>
    public int HealthCheckPort { get; init; }

    public string HealthCheckProtocol { get; init; } = "HTTP";
}
