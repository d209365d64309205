using System.Collections.Immutable;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Ingress;

/// <summary>
/// Every way in the templates create: each load balancer listener (its default actions and its
/// listener rules) that forwards to a target group, and the ECS services registering targets in it.
/// Read from the templates, not the model: a listener the model did not mean is traced too.
/// </summary>
public static class IngressFinder
{
    public static ImmutableArray<IngressPath> Find(ResourceGraph graph, AppIndex apps)
    {
        var paths = new List<IngressPath>();
        // Target group -> the ECS services registering in it, read once (not once per listener).
        var registrations = graph.OfType("AWS::ECS::Service").SelectMany(Registrations(graph))
            .ToLookup(r => r.Group);
        var forwards = graph.OfType("AWS::ElasticLoadBalancingV2::Listener").SelectMany(l => Forwards(graph, graph.Value(l, "DefaultActions")).Select(tg => (Listener: l, Group: tg)))
            .Concat(graph.OfType("AWS::ElasticLoadBalancingV2::ListenerRule").SelectMany(r => graph.Target(r, "ListenerArn") is { } l
                ? Forwards(graph, graph.Value(r, "Actions")).Select(tg => (Listener: l, Group: tg))
                : []))
            .Distinct();
        foreach (var (listener, group) in forwards)
        {
            if (graph.Target(listener, "LoadBalancerArn") is not { } balancer)
            {
                continue;
            }

            var lbGroups = graph.Value(balancer, "SecurityGroups") is CfnListValue list ? list.Items.Select(i => i.Resource).OfType<ResourceId>().ToImmutableArray() : [];
            var entry = graph.Value(balancer, "Scheme").Text == "internal" ? "vpc" : "internet";
            var port = int.TryParse(graph.Value(listener, "Port").Text, out var p) ? p : 0;
            var protocol = graph.Value(listener, "Protocol").Text ?? "";
            var targetProtocol = graph.Value(group, "Protocol").Text ?? "HTTP";
            var registered = registrations[group.Id].Select(r => (r.Service, r.Container, r.Port)).ToList();
            if (registered.Count == 0)
            {
                paths.Add(new IngressPath(entry, balancer, listener, port, protocol, group, null, "", 0, lbGroups) { TargetProtocol = targetProtocol });
                continue;
            }

            foreach (var (service, container, containerPort) in registered)
            {
                var task = apps.OfService(service) ?? AppIndex.Task(graph, NameOf(graph, balancer, service), service);
                var healthPort = graph.Value(group, "HealthCheckPort").Text is { } h && int.TryParse(h, out var hp) ? hp : containerPort;
                paths.Add(new IngressPath(entry, balancer, listener, port, protocol, group, task, container, containerPort, lbGroups)
                {
                    TargetProtocol = targetProtocol,
                    HealthCheckPort = healthPort,
                    HealthCheckProtocol = graph.Value(group, "HealthCheckProtocol").Text ?? (targetProtocol is "TCP" or "TLS" or "UDP" ? "TCP" : targetProtocol),
                });
            }
        }

        return [.. paths.OrderBy(p => p.Listener.Id.ToString(), StringComparer.Ordinal).ThenBy(p => p.TargetGroup.Id.ToString(), StringComparer.Ordinal)];
    }

    private static IEnumerable<Resource> Forwards(ResourceGraph graph, CfnVal actions)
    {
        foreach (var action in (actions as CfnListValue)?.Items.OfType<CfnObjectValue>() ?? [])
        {
            if (action.Entries.GetValueOrDefault("Type")?.Text != "forward")
            {
                continue;
            }

            if (graph.Find(action.Entries.GetValueOrDefault("TargetGroupArn")?.Resource) is { } single)
            {
                yield return single;
            }

            var weighted = (action.Entries.GetValueOrDefault("ForwardConfig") as CfnObjectValue)?.Entries.GetValueOrDefault("TargetGroups") as CfnListValue;
            foreach (var tg in weighted?.Items.OfType<CfnObjectValue>() ?? [])
            {
                if (graph.Find(tg.Entries.GetValueOrDefault("TargetGroupArn")?.Resource) is { } target)
                {
                    yield return target;
                }
            }
        }
    }

    private static Func<Resource, IEnumerable<(ResourceId? Group, Resource Service, string Container, int Port)>> Registrations(ResourceGraph graph) =>
        service => ((graph.Value(service, "LoadBalancers") as CfnListValue)?.Items.OfType<CfnObjectValue>() ?? [])
            .Select(lb => (
                lb.Entries.GetValueOrDefault("TargetGroupArn")?.Resource,
                service,
                lb.Entries.GetValueOrDefault("ContainerName")?.Text ?? "",
                int.TryParse(lb.Entries.GetValueOrDefault("ContainerPort")?.Text, out var port) ? port : 0));

    /// <summary>A task that is no compose service (a gateway): the name the base tags its load balancer with, else its logical ID.</summary>
    private static string NameOf(ResourceGraph graph, Resource balancer, Resource service) =>
        (graph.Value(balancer, "Tags") as CfnListValue)?.Items.OfType<CfnObjectValue>()
            .FirstOrDefault(t => t.Entries.GetValueOrDefault("Key")?.Text == "compose2ecs:service")?.Entries.GetValueOrDefault("Value")?.Text
        ?? service.LogicalId;
}
