using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// Start-up order. A Service Connect client learns the namespace's endpoints when its task starts:
/// "existing tasks can't resolve and connect to the new endpoint" (ECS developer guide, Service
/// Connect components), and AWS's advice for one CloudFormation stack is a <c>DependsOn</c> from the
/// client on every client-server service it connects to. So each caller's ECS service waits for the
/// ECS services of the endpoints it calls (its upstreams, routes resolved to their targets, and the
/// mesh services it reaches by <c>depends_on</c>), on top of the base's <c>depends_on</c> order.
/// An order that would close a cycle (two services that call each other) is left out with a located
/// warning naming the cycle: CloudFormation refuses circular DependsOn. Across nested stacks the
/// splitter turns these into DependsOn between the stack resources (ParentWiring), with its own
/// warning when the split itself would make a cycle.
/// </summary>
public static class StartupOrder
{
    public static EcsPlan Apply(EcsPlan plan, MeshModel mesh)
    {
        var created = plan.Services.Where(s => s.EcsService.Create).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var waits = plan.Services.ToDictionary(s => s.Name,
            s => new List<string>(s.EcsService.DependsOnServices.Where(created.Contains)), StringComparer.Ordinal);

        var candidates = mesh.Edges
            .SelectMany(e => e.Targets.Select(t => (t.Caller, t.Target, e.Location)))
            .Where(e => e.Caller != e.Target && created.Contains(e.Caller) && created.Contains(e.Target)
                && mesh.FindService(e.Target)?.Listener is not null)
            .DistinctBy(e => (e.Caller, e.Target))
            .ToList();
        if (candidates.Count == 0)
        {
            return plan;
        }

        var warnings = new List<Diagnostic>();
        var added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (IsAcyclic(waits, candidates))
        {
            // The common case, checked once in linear time: every order can be added.
            foreach (var (caller, target, _) in candidates)
            {
                Add(caller, target);
            }
        }
        else
        {
            foreach (var (caller, target, location) in candidates)
            {
                if (waits[caller].Contains(target))
                {
                    continue;
                }

                if (PathBetween(waits, target, caller) is { } path)
                {
                    var cycle = string.Join(" -> ", new[] { caller }.Concat(path));
                    warnings.Add(Diagnostic.Warning(location, ServiceConnectDiagnosticCodes.StartupCycle,
                        $"services.{caller}: {caller} calls {target}, and its ECS service would wait for {target}'s, but that closes a cycle of start-up order ({cycle}), which CloudFormation refuses; {caller} is not ordered after {target}, so if {caller}'s tasks start first they do not see {target}'s Service Connect endpoint until {caller} is redeployed (aws ecs update-service --force-new-deployment); break the cycle (one of them should not call the other) to have it ordered"));
                    continue;
                }

                Add(caller, target);
            }
        }

        return plan
            .UpdateServices(s => added.TryGetValue(s.Name, out var targets)
                ? s.UpdateEcsService(ecs => ecs with { DependsOnServices = [.. ecs.DependsOnServices.Concat(targets).Distinct(StringComparer.Ordinal)] })
                : s)
            .AddWarnings(warnings);

        void Add(string caller, string target)
        {
            if (!waits[caller].Contains(target))
            {
                waits[caller].Add(target);
                (added.TryGetValue(caller, out var list) ? list : added[caller] = []).Add(target);
            }
        }
    }

    /// <summary>Kahn's algorithm over the existing orders and every candidate.</summary>
    private static bool IsAcyclic(Dictionary<string, List<string>> waits, List<(string Caller, string Target, SourceLocation Location)> candidates)
    {
        var edges = waits.SelectMany(w => w.Value.Select(t => (From: w.Key, To: t)))
            .Concat(candidates.Select(c => (From: c.Caller, To: c.Target)))
            .Distinct().ToList();
        var indegree = waits.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var outgoing = edges.ToLookup(e => e.To, e => e.From);
        foreach (var (from, _) in edges)
        {
            indegree[from]++;
        }

        var ready = new Queue<string>(indegree.Where(i => i.Value == 0).Select(i => i.Key));
        var seen = 0;
        while (ready.TryDequeue(out var node))
        {
            seen++;
            foreach (var from in outgoing[node])
            {
                if (--indegree[from] == 0)
                {
                    ready.Enqueue(from);
                }
            }
        }

        return seen == indegree.Count;
    }

    /// <summary>The services from <paramref name="from"/> to <paramref name="to"/> along existing orders (both included), or null.</summary>
    private static ImmutableArray<string>? PathBetween(Dictionary<string, List<string>> waits, string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (node == to)
            {
                var path = new List<string> { to };
                while (path[^1] != from)
                {
                    path.Add(previous[path[^1]]);
                }

                path.Reverse();
                return [.. path];
            }

            foreach (var next in waits[node])
            {
                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
