using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Ingress;

/// <summary>
/// The hops of a way in that every backend shares: the listener's target group has targets (an ECS
/// service registering a container port its task maps), the tasks' security group admits the load
/// balancer's on that port, and the health check reaches a port something answers on and the
/// security group admits (else every target is unhealthy and the deployment rolls back).
/// </summary>
public static class IngressRule
{
    public const string Id = "ingress";

    public static IEnumerable<Hop> Check(IngressPath path, TraceContext context)
    {
        var target = path.Task?.Name ?? path.TargetGroup.LogicalId;
        var forwards = $"{path.ListenerProtocol} {path.ListenerPort} -> target group {path.TargetGroup.LogicalId} ({path.TargetProtocol} {path.ContainerPort})";
        if (path.Task is not { } task)
        {
            yield return Hop.Broken(HopKind.Listener, target, Id, $"{forwards}: no ECS service registers targets in it");
            yield break;
        }

        if (task.Container(path.Container) is not { } container)
        {
            yield return Hop.Broken(HopKind.Listener, target, Id, $"{forwards}: {task.Name}'s task has no container {path.Container}");
            yield break;
        }

        var maps = (container["PortMappings"] as JsonArray ?? []).Any(p => p?["ContainerPort"]?.GetValue<int>() == path.ContainerPort);
        yield return maps
            ? Hop.Ok(HopKind.Listener, target, Id, $"{forwards}: container {path.Container} maps {path.ContainerPort}")
            : Hop.Broken(HopKind.Listener, target, Id, $"{forwards}: container {path.Container} maps no port {path.ContainerPort}");

        foreach (var hop in context.Backend.IngressHops(path, context))
        {
            yield return hop;
        }

        yield return Admits(path, context, path.ContainerPort, HopKind.Network, target, "traffic", udp: path.TargetProtocol == "UDP");
        if (path.HealthCheckPort != path.ContainerPort)
        {
            var answers = task.ContainerPorts.Contains(path.HealthCheckPort) || context.Backend.ProxyListenerPorts.Contains(path.HealthCheckPort);
            yield return answers
                ? Admits(path, context, path.HealthCheckPort, HopKind.Health, target, $"health check {path.HealthCheckProtocol} {path.HealthCheckPort}")
                : Hop.Broken(HopKind.Health, target, Id, $"health check {path.HealthCheckProtocol} {path.HealthCheckPort}: nothing in {task.Name}'s task listens on {path.HealthCheckPort}");
        }
    }

    /// <param name="udp">A UDP target group's traffic (its health check is TCP): a udp rule must admit it.</param>
    private static Hop Admits(IngressPath path, TraceContext context, int port, HopKind kind, string target, string what, bool udp = false)
    {
        var ip = udp ? "udp" : "tcp";
        if (path.LoadBalancerGroups.IsEmpty)
        {
            return new Hop(kind, target, Verdict.Unknown, Id, $"{what}: the load balancer has no security group, so the tasks must admit the clients' addresses on {ip}/{port}");
        }

        var rule = NetworkRule.Ingress(context.Graph, path.LoadBalancerGroups, path.Task!.SecurityGroups, port, udp).FirstOrDefault();
        return rule is null
            ? Hop.Broken(kind, target, Id, $"{what}: no ingress rule on {target}'s security group from the load balancer's on {ip}/{port}")
            : Hop.Ok(kind, target, Id, $"{what}: sg {target} admits the load balancer's sg on {ip}/{port}");
    }
}
