using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Backends;
using Compose2Ecs.Trace.Backends.AppMesh;
using Compose2Ecs.Trace.Backends.Consul;
using Compose2Ecs.Trace.Backends.None;
using Compose2Ecs.Trace.Backends.ServiceConnect;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Ingress;
using Compose2Ecs.Trace.Report;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace;

/// <summary>
/// The engine: recognises the backend the templates were written for, enumerates the calls,
/// runs the core rules (name, network, start-up) and the backend's rules on each, and lists
/// the security-group paths no call used.
/// </summary>
public static class Tracer
{
    /// <summary>The backends trace knows, most specific first; <c>none</c> recognises anything.</summary>
    public static ImmutableArray<ITraceBackend> Backends { get; } =
        [new AppMeshBackend(), new ServiceConnectBackend(), new ConsulBackend(), new NoMeshBackend()];

    private static readonly IHopRule[] CoreRules = [new NameRule(), new NetworkRule(), new StartupRule()];

    /// <summary>The backend the assembly was synthesized for.</summary>
    public static ITraceBackend Detect(ResourceGraph graph) => Backends.First(b => b.Detect(graph));

    /// <param name="read">Reads the mesh model for a backend (the model's edges depend on the backend).</param>
    public static TraceReport Trace(CloudAssembly assembly, ComposeProject project, Func<string, MeshModel> read)
    {
        var graph = new ResourceGraph(assembly);
        var backend = Detect(graph);
        var model = read(backend.Name);
        var names = model.Services.Select(s => s.Name).Concat(model.PlainServices.Select(s => s.Name));
        var apps = new AppIndex(graph, names);
        var context = new TraceContext(graph, apps, backend, model, project);
        var rules = CoreRules.Take(1).Concat(backend.Rules).Concat(CoreRules.Skip(1)).ToList();
        var calls = CallFinder.Find(model, project, apps, backend.LocalUpstreams)
            .Select(call => new CallTrace(call, [.. rules.SelectMany(r => r.Check(call, context)).OrderBy(h => h.Kind).Distinct()]))
            .ToImmutableArray();
        var entries = IngressFinder.Find(graph, apps)
            .Select(path => new CallTrace(EntryCall(path), [.. IngressRule.Check(path, context).OrderBy(h => h.Kind).Distinct()]));
        return new TraceReport(backend.Name, [.. calls, .. entries], Unused(graph, apps, context.UsedIngress));
    }

    /// <summary>A way in, as a call: from the internet (or the VPC, for an internal load balancer) to the service behind the listener.</summary>
    private static Call EntryCall(IngressPath path)
    {
        var target = path.Task?.Name ?? path.TargetGroup.LogicalId;
        var protocol = path.TargetProtocol is "TCP" or "TLS" or "UDP" ? MeshProtocol.Tcp : MeshProtocol.Http;
        return new Call(path.Entry, target, [target], path.LoadBalancer.LogicalId, path.ListenerPort, protocol, CallSource.LoadBalancer,
            $"listener {path.Listener.LogicalId}", Mesh: false);
    }

    private static ImmutableArray<UnusedPath> Unused(ResourceGraph graph, AppIndex apps, HashSet<ResourceId> used) =>
        [.. graph.OfType("AWS::EC2::SecurityGroupIngress")
            .Where(r => !used.Contains(r.Id))
            .Select(r => (Rule: r, From: graph.Value(r, "SourceSecurityGroupId").Resource, To: graph.Value(r, "GroupId").Resource))
            .Where(x => x.From is not null && x.To is not null && apps.OwnerOf(x.From) is not null && apps.OwnerOf(x.To) is not null)
            .Select(x => new UnusedPath(
                apps.OwnerOf(x.From!)!.Name,
                apps.OwnerOf(x.To!)!.Name,
                x.Rule.LogicalId,
                $"{graph.Value(x.Rule, "IpProtocol").Text}/{graph.Value(x.Rule, "FromPort").Text}-{graph.Value(x.Rule, "ToPort").Text}"))
            .OrderBy(u => u.From, StringComparer.Ordinal).ThenBy(u => u.To, StringComparer.Ordinal).ThenBy(u => u.Rule, StringComparer.Ordinal)];
}
