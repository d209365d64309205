using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;

namespace Compose2Ecs.Trace.Rules;

/// <summary>
/// A security group of each target's tasks admits one of the caller's, over TCP, on the port that
/// is really on the wire (the backend says which: the container port, Envoy's intercepted
/// listener port, Consul's 20000), and something in the target task listens there.
/// </summary>
public sealed class NetworkRule : IHopRule
{
    public const string Id = "network";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var caller = context.Apps.Find(call.Caller);
        foreach (var targetName in call.Targets)
        {
            var target = context.Apps.Find(targetName);
            if (caller is null || target is null)
            {
                yield return new Hop(HopKind.Network, targetName, Verdict.Unknown, Id, $"{(caller is null ? call.Caller : targetName)} has no ECS service in the templates");
                continue;
            }

            if (call.Port == 0)
            {
                yield return Hop.Broken(HopKind.Network, targetName, Id, $"{targetName} has no listener port and no ingress rule from {call.Caller}");
                continue;
            }

            var port = context.Backend.WirePort(call, targetName, context);
            var rule = Ingress(context.Graph, caller.SecurityGroups, target.SecurityGroups, port).FirstOrDefault();
            if (rule is null)
            {
                yield return Hop.Broken(HopKind.Network, targetName, Id, $"no ingress rule on {targetName}'s security group from {call.Caller}'s on tcp/{port}");
                continue;
            }

            context.UsedIngress.Add(rule);
            var listens = target.ContainerPorts.Contains(port) || context.Backend is { } b && b.ProxyListens(targetName, port, context);
            yield return listens
                ? Hop.Ok(HopKind.Network, targetName, Id, $"sg {targetName} admits sg {call.Caller} tcp/{port}")
                : Hop.Broken(HopKind.Network, targetName, Id, $"sg {targetName} admits tcp/{port}, but no container of {targetName} maps port {port}");
        }
    }

    /// <summary>Ingress rules (resources, and rules inline in a group) from any of <paramref name="sources"/> to any of <paramref name="groups"/> covering tcp/<paramref name="port"/>.</summary>
    /// <param name="udp">The traffic is UDP (an NLB's UDP listener), so a udp rule admits it, not a tcp one.</param>
    public static IEnumerable<ResourceId> Ingress(ResourceGraph graph, IReadOnlyCollection<ResourceId> sources, IReadOnlyCollection<ResourceId> groups, int port, bool udp = false)
    {
        foreach (var rule in graph.OfType("AWS::EC2::SecurityGroupIngress"))
        {
            if (graph.Value(rule, "GroupId").Resource is { } group && groups.Contains(group)
                && graph.Value(rule, "SourceSecurityGroupId").Resource is { } source && sources.Contains(source)
                && Covers(graph.Value(rule, "IpProtocol").Text, graph.Value(rule, "FromPort").Text, graph.Value(rule, "ToPort").Text, port, udp))
            {
                yield return rule.Id;
            }
        }

        foreach (var group in groups.Select(graph.Find).OfType<Resource>())
        {
            if (graph.Value(group, "SecurityGroupIngress") is CfnListValue inline
                && inline.Items.OfType<CfnObjectValue>().Any(r =>
                    r.Entries.GetValueOrDefault("SourceSecurityGroupId")?.Resource is { } s && sources.Contains(s)
                    && Covers(r.Entries.GetValueOrDefault("IpProtocol")?.Text, r.Entries.GetValueOrDefault("FromPort")?.Text, r.Entries.GetValueOrDefault("ToPort")?.Text, port, udp)))
            {
                yield return group.Id;
            }
        }
    }

    private static bool Covers(string? protocol, string? from, string? to, int port, bool udp) =>
        (udp ? protocol is "udp" or "17" or "-1" : protocol is "tcp" or "6" or "-1")
        && (protocol == "-1" || (int.TryParse(from, out var f) && int.TryParse(to, out var t) && f <= port && port <= t));
}
