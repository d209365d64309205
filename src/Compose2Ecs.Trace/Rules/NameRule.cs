using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;

namespace Compose2Ecs.Trace.Rules;

/// <summary>
/// The name the app dials resolves to the upstream: the backend's own resolution (a Service
/// Connect alias, a Consul local listener), else DNS — a Cloud Map service of that name in the
/// namespace, registered by the target's ECS service or holding an instance (a route's
/// placeholder); a short name resolves only through the VPC's DHCP search domain.
/// </summary>
public sealed class NameRule : IHopRule
{
    public const string Id = "name";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        if (context.Backend.ResolveName(call, call.Upstream, context) is { } own)
        {
            yield return own;
            yield break;
        }

        if (call.IsLocal)
        {
            yield return Hop.Broken(HopKind.Name, call.Upstream, Id, $"nothing in {call.Caller}'s task listens on {call.Host}:{call.Port}");
            yield break;
        }

        yield return Dns(call, context);
    }

    private static Hop Dns(Call call, TraceContext context)
    {
        var graph = context.Graph;
        var shortName = context.ShortName(call.Host);
        var isShort = shortName == call.Host;
        var full = $"{shortName}.{context.Namespace}";
        var discovery = graph.OfType("AWS::ServiceDiscovery::Service")
            .FirstOrDefault(s => graph.Value(s, "Name").Text == shortName && InNamespace(graph, s, context.Namespace));
        if (discovery is null)
        {
            return Hop.Broken(HopKind.Name, call.Upstream, Id, $"{call.Host}: no Cloud Map service \"{shortName}\" in namespace {context.Namespace}");
        }

        if (isShort && SearchDomain(graph, context.Namespace) is { } search && search.Verdict != Verdict.Ok)
        {
            return search with { Target = call.Upstream, Detail = $"{call.Host} -> {full}: {search.Detail}" };
        }

        var registered = context.Apps.Find(shortName) is { } task
            && graph.Value(task.Service, "ServiceRegistries") is CfnListValue registries
            && registries.Items.OfType<CfnObjectValue>().Any(r => r.Entries.GetValueOrDefault("RegistryArn")?.Resource == discovery.Id);
        var instances = graph.OfType("AWS::ServiceDiscovery::Instance").Where(i => graph.Target(i, "ServiceId")?.Id == discovery.Id).ToList();
        var instance = instances.FirstOrDefault();
        var how = isShort ? $"{call.Host} -> {full} (DHCP search domain)" : full;
        var aliases = instances.Select(i => graph.Value(i, "InstanceAttributes", "AWS_INSTANCE_CNAME").Text).OfType<string>().ToList();
        if (!registered && aliases.Count > 0)
        {
            return Aliases(call, context, how, aliases);
        }

        return registered
            ? Hop.Ok(HopKind.Name, call.Upstream, Id, $"{how}: Cloud Map A records of {shortName}'s tasks")
            : instance is not null
                ? Hop.Ok(HopKind.Name, call.Upstream, Id, $"{how}: Cloud Map instance {graph.Value(instance, "InstanceAttributes", "AWS_INSTANCE_IPV4").Text ?? "?"} (placeholder; the proxy routes it)")
                : Hop.Broken(HopKind.Name, call.Upstream, Id, $"{how}: Cloud Map service {shortName} has no instances (no ECS service registers in it, no placeholder instance)");
    }

    /// <summary>
    /// A route without a mesh: CNAME instances naming the targets' own DNS names; each must be a
    /// Cloud Map service of the namespace that an ECS service registers its tasks in.
    /// </summary>
    private static Hop Aliases(Call call, TraceContext context, string how, List<string> aliases)
    {
        var graph = context.Graph;
        var suffix = "." + context.Namespace;
        foreach (var alias in aliases.Order(StringComparer.Ordinal))
        {
            var name = alias.EndsWith(suffix, StringComparison.Ordinal) ? alias[..^suffix.Length] : null;
            var target = name is null ? null : graph.OfType("AWS::ServiceDiscovery::Service")
                .FirstOrDefault(s => graph.Value(s, "Name").Text == name && InNamespace(graph, s, context.Namespace));
            var registered = target is not null && graph.OfType("AWS::ECS::Service").Any(service =>
                graph.Value(service, "ServiceRegistries") is CfnListValue registries
                && registries.Items.OfType<CfnObjectValue>().Any(r => r.Entries.GetValueOrDefault("RegistryArn")?.Resource == target.Id));
            if (!registered)
            {
                return Hop.Broken(HopKind.Name, call.Upstream, Id, $"{how}: Cloud Map CNAME {alias} names no Cloud Map service of {context.Namespace} that an ECS service registers in");
            }
        }

        return Hop.Ok(HopKind.Name, call.Upstream, Id, $"{how}: Cloud Map CNAME, one of {string.Join(", ", aliases.Order(StringComparer.Ordinal))} per lookup (A records of their tasks)");
    }

    private static bool InNamespace(ResourceGraph graph, Resource service, string ns) =>
        graph.Target(service, "DnsConfig", "NamespaceId") is not { } namespaceResource || graph.Value(namespaceResource, "Name").Text == ns;

    /// <summary>Ok when the created VPC's DHCP options search the namespace; unknown for an imported VPC.</summary>
    private static Hop? SearchDomain(ResourceGraph graph, string ns)
    {
        if (!graph.OfType("AWS::EC2::VPC").Any())
        {
            return new Hop(HopKind.Name, "", Verdict.Unknown, Id, "an imported VPC: its DHCP options decide whether short names resolve");
        }

        var searched = graph.OfType("AWS::EC2::VPCDHCPOptionsAssociation")
            .Select(a => graph.Target(a, "DhcpOptionsId"))
            .OfType<Resource>()
            .Any(d => (graph.Value(d, "DomainName").Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(ns, StringComparer.Ordinal));
        return searched ? Hop.Ok(HopKind.Name, "", Id, "") : Hop.Broken(HopKind.Name, "", Id, $"the VPC's DHCP options do not search {ns}, so a short name does not resolve");
    }
}
