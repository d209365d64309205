using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Settings;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Published ports → internet-facing load balancers: an ALB for HTTP ports, an NLB for the
/// rest (TCP, UDP, or TCP_UDP when both are published on one port). Each listener is on the
/// published port and forwards to the container port. The load balancer's security group is
/// the only one open to <c>0.0.0.0/0</c>; the service accepts traffic from it on the target
/// ports only.
/// </summary>
internal static class LoadBalancerPlanner
{
    /// <summary>ECS attaches at most 5 target groups to one service.</summary>
    private const int MaxTargetGroups = 5;

    private const string Anywhere = "0.0.0.0/0";

    public sealed record Result(ImmutableArray<LoadBalancerPlan> LoadBalancers, ImmutableArray<IngressRulePlan> Ingress, ImmutableArray<TemplateOutput> Outputs);

    public static Result Plan(ComposeService service, DeclaredProtocol? declared, DiagnosticBag diagnostics)
    {
        var probe = HttpProbe.Find(service.Healthcheck);
        var listeners = new Dictionary<LoadBalancerKind, List<ListenerPlan>>();
        var seen = new HashSet<(int Published, string Protocol)>();
        var published = service.Ports.Where(p => p.Published is not null).ToList();
        var targetGroups = new HashSet<(LoadBalancerKind, int, string)>();

        foreach (var port in published)
        {
            if (port.HostIp is { } ip && IsLoopback(ip))
            {
                diagnostics.Warning(port.Location, EcsDiagnosticCodes.PortNotPublished, $"services.{service.Name}.ports: {ip}:{port.Published} is published on the host's loopback only; no load balancer is created for it");
                continue;
            }

            if (!seen.Add((port.Published!.Value, port.Protocol)))
            {
                continue;
            }

            var http = PortProtocols.IsHttp(port, declared, probe);
            var kind = http ? LoadBalancerKind.Application : LoadBalancerKind.Network;
            var protocol = http ? "HTTP" : port.Protocol.ToUpperInvariant();
            var list = listeners.TryGetValue(kind, out var l) ? l : listeners[kind] = [];

            // An NLB cannot have a TCP and a UDP listener on one port: they share one TCP_UDP listener.
            var twin = list.FindIndex(x => x.Port == port.Published && x.TargetPort == port.Target && x.Protocol is "TCP" or "UDP" && x.Protocol != protocol);
            if (kind == LoadBalancerKind.Network && twin >= 0)
            {
                targetGroups.Remove((kind, list[twin].TargetPort, list[twin].Protocol));
                list[twin] = list[twin] with { Protocol = "TCP_UDP" };
                targetGroups.Add((kind, port.Target, "TCP_UDP"));
                continue;
            }

            if (list.Any(x => x.Port == port.Published))
            {
                diagnostics.Warning(port.Location, EcsDiagnosticCodes.PortNotPublished, $"services.{service.Name}.ports: {port.Published}/{port.Protocol} is published twice with different targets; only the first is kept");
                continue;
            }

            if (!targetGroups.Contains((kind, port.Target, protocol)) && targetGroups.Count >= MaxTargetGroups)
            {
                diagnostics.Warning(port.Location, EcsDiagnosticCodes.PortNotPublished,
                    $"services.{service.Name}.ports: {port.Published}:{port.Target}/{port.Protocol} is not published: ECS attaches at most {MaxTargetGroups} target groups to a service");
                continue;
            }

            targetGroups.Add((kind, port.Target, protocol));
            var path = http ? (probe is { } p && p.Port == port.Target ? p.Path : "/") : null;
            list.Add(new ListenerPlan(port.Published.Value, protocol, port.Target, path));
        }

        var loadBalancers = ImmutableArray.CreateBuilder<LoadBalancerPlan>();
        foreach (var kind in new[] { LoadBalancerKind.Application, LoadBalancerKind.Network })
        {
            if (listeners.TryGetValue(kind, out var list) && list.Count > 0)
            {
                loadBalancers.Add(new LoadBalancerPlan(kind, [.. UdpHealthChecks(service, list, diagnostics)]));
            }
        }

        var built = loadBalancers.ToImmutable();
        return new Result(built, [.. built.SelectMany(lb => Ingress(service.Name, lb))], [.. built.Select(lb => Output(service.Name, lb))]);
    }

    /// <summary>The rules a load balancer needs: the world to its listeners, and it to the service's target ports.</summary>
    public static IEnumerable<IngressRulePlan> Ingress(string service, LoadBalancerPlan loadBalancer)
    {
        var ids = new ServiceIds(service);
        var prefix = loadBalancer.Kind.Prefix();
        var lbGroup = new LoadBalancerSecurityGroup(service, loadBalancer.Kind);
        var listenerRules = loadBalancer.Listeners
            .SelectMany(l => ListenerPlan.IpProtocols(l.Protocol).Select(p => (Protocol: p, l.Port)))
            .Distinct()
            .Select(x => new IngressRulePlan(ids.For($"{prefix}Ingress{ServiceIds.ProtocolWord(x.Protocol)}{x.Port}"), lbGroup, new CidrSource(Anywhere),
                x.Protocol, x.Port, x.Port, $"{service} {prefix.ToUpperInvariant()} listener {x.Port}/{x.Protocol}"));
        var targetRules = loadBalancer.TargetPorts
            .Select(x => new IngressRulePlan(ids.For($"IngressFrom{prefix}{ServiceIds.ProtocolWord(x.Protocol)}{x.Port}"), new ServiceSecurityGroup(service), lbGroup,
                x.Protocol, x.Port, x.Port, $"{service} from its {prefix.ToUpperInvariant()} on {x.Port}/{x.Protocol}"));
        return listenerRules.Concat(targetRules);
    }

    /// <summary>UDP target groups need a TCP or HTTP health check: use a TCP port of the same container when there is one.</summary>
    private static IEnumerable<ListenerPlan> UdpHealthChecks(ComposeService service, List<ListenerPlan> listeners, DiagnosticBag diagnostics)
    {
        var tcpPort = service.Ports.FirstOrDefault(p => p.Protocol == "tcp")?.Target ?? service.Expose.Cast<int?>().FirstOrDefault();
        foreach (var listener in listeners)
        {
            if (listener.Protocol != "UDP")
            {
                yield return listener;
                continue;
            }

            if (tcpPort is null)
            {
                diagnostics.Warning(KeyLocations.Of(service, "ports"), EcsDiagnosticCodes.PortNotPublished,
                    $"services.{service.Name}.ports: {listener.Port}/udp: a network load balancer checks UDP targets over TCP, and the service has no TCP port; expose one (a health endpoint) or the targets stay unhealthy");
                yield return listener;
                continue;
            }

            yield return listener with { HealthCheckPort = tcpPort };
        }
    }

    private static TemplateOutput Output(string service, LoadBalancerPlan loadBalancer)
    {
        var ids = new ServiceIds(service);
        var ports = string.Join(", ", loadBalancer.Listeners.Select(l => $"{l.Port}/{l.Protocol}"));
        return new TemplateOutput(ids.For($"{loadBalancer.Kind.Prefix()}DnsName"), CfnValue.GetAtt(ids.LoadBalancer(loadBalancer.Kind), "DNSName"),
            $"{service}: the {(loadBalancer.Kind == LoadBalancerKind.Application ? "application" : "network")} load balancer's DNS name (listeners {ports})")
        {
            Owner = service,
        };
    }

    private static bool IsLoopback(string ip) => ip.StartsWith("127.", StringComparison.Ordinal) || ip is "::1" or "[::1]" or "localhost";
}
