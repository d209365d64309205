using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// The templates that hold stacks, for one <see cref="StackTree"/>: the root (shared resources,
/// the plan's outputs) and any <c>Services{m}</c> stacks. Each passes its children the values
/// they read: its own resources' values, a sibling's outputs, or its own parameters; outputs
/// what its children hold for templates elsewhere; and turns each <c>DependsOn</c> that
/// crosses templates into an order between the two stacks (or resource and stack) that hold
/// them under their common ancestor, unless that order would close a cycle (a warning).
/// </summary>
internal sealed class ParentWiring
{
    private readonly SplitFacts _facts;
    private readonly SplitLayout _layout;
    private readonly LeafWiring _leaves;
    private readonly StackTree _tree;
    private readonly Func<string, string> _home;
    private readonly Dictionary<string, ImmutableArray<string>> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _stackDependsOn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _rootDependsOn = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _warnings = [];

    public ParentWiring(SplitFacts facts, SplitLayout layout, LeafWiring leaves, StackTree tree, Func<string, string> home)
    {
        _facts = facts;
        _layout = layout;
        _leaves = leaves;
        _tree = tree;
        _home = home;
    }

    public TemplateSet Build(EcsPlan plan, ImmutableArray<TemplateOutput> rootOutputs, string description, IReadOnlyDictionary<string, ServicePlan> services)
    {
        foreach (var (id, document) in _leaves.Documents)
        {
            _parameters[id] = document.Parameters;
        }

        foreach (var middle in _tree.Middles)
        {
            // A middle stack takes what its children read from outside it.
            _parameters[middle] = [.. _tree.ChildrenOf(middle).SelectMany(c => _parameters[c]).Distinct()
                .Where(c => !_tree.Within(_leaves.Channels[c].Origin, middle)).Order(StringComparer.Ordinal)];
        }

        // The root's own resources (shared ones, and services a stack layout keeps there) read nested values through its children's outputs.
        var rootResources = _facts.Resources.Where(r => _home(r.LogicalId).Length == 0).Select(r => r with
        {
            Properties = References.Replace(r.Properties, reference => FromRoot(reference)),
            DependsOn = [.. r.DependsOn.Where(d => !_facts.Index.ContainsKey(d) || _home(d).Length == 0)],
        }).ToList();
        var outputs = rootOutputs.Select(o => o with { Value = References.Replace(o.Value, reference => FromRoot(reference)) }).ToImmutableArray();

        var maps = new Dictionary<string, CfnMap>(StringComparer.Ordinal);
        foreach (var parent in _tree.Middles.Prepend(""))
        {
            foreach (var child in _tree.ChildrenOf(parent))
            {
                maps[child] = new CfnMap([.. _parameters[child].Select(c => KeyValuePair.Create(c, Pass(parent, _leaves.Channels[c])))]);
                _stackDependsOn[child] = new(StringComparer.Ordinal);
            }
        }

        Order(rootResources, maps, services);

        var nested = new List<TemplateDocument>();
        foreach (var middle in _tree.Middles)
        {
            nested.Add(new TemplateDocument(middle, [.. Stacks(middle, maps)])
            {
                Description = $"{description}: {middle}",
                Parameters = _parameters[middle],
                Outputs = [.. Exports(middle)],
                Parent = "",
            });
        }

        var buckets = _layout.SecurityStacks.Concat(_layout.ServiceStacks).ToDictionary(p => p.Id, p => p.Bucket, StringComparer.Ordinal);
        nested.AddRange(_leaves.Documents.Values.Select(d => d with { Parent = _tree.Parent(d.Id), Bucket = buckets[d.Id] }));

        var root = new TemplateDocument("", [.. rootResources.Select(r => _rootDependsOn.TryGetValue(r.LogicalId, out var extra)
            ? r with { DependsOn = [.. r.DependsOn.Concat(extra).Distinct()] } : r), .. Stacks("", maps)])
        {
            Description = description,
            Outputs = outputs,
        };
        return new TemplateSet(root, [.. nested.OrderBy(d => d.Id, StackOrder.Instance)]) { Warnings = [.. _warnings] };
    }

    /// <summary>In the root, a nested value is read from the output of the root's child that holds it.</summary>
    private CfnValue? FromRoot(ResourceReference reference)
    {
        if (!_facts.Index.ContainsKey(reference.LogicalId) || _home(reference.LogicalId) is not { Length: > 0 } home)
        {
            return null;
        }

        var (channel, index) = _layout.Channels.For(reference);
        return channel.Read(Output(_tree.ChildOn("", home), channel), index, readIsList: false);
    }

    /// <summary>What <paramref name="parent"/> passes a child for <paramref name="channel"/>.</summary>
    private CfnValue Pass(string parent, Channel channel) =>
        channel.Origin == parent ? channel.Source
        : _tree.Within(channel.Origin, parent) ? Output(_tree.ChildOn(parent, channel.Origin), channel)
        : CfnValue.Ref(channel.Name);

    private static CfnValue Output(string stack, Channel channel) => CfnValue.GetAtt(stack, $"Outputs.{channel.Name}");

    /// <summary>A middle stack's outputs: its children's values read outside it.</summary>
    private IEnumerable<TemplateOutput> Exports(string middle) =>
        _tree.ChildrenOf(middle)
            .SelectMany(child => _leaves.Documents[child].Outputs.Where(o => _leaves.Channels.TryGetValue(o.LogicalId, out var c) && c.Origin == child)
                .Where(o => _leaves.Readers[o.LogicalId].Any(r => !_tree.Within(r, middle)))
                .Select(o => new TemplateOutput(o.LogicalId, Output(child, _leaves.Channels[o.LogicalId]), o.Description)))
            .OrderBy(o => o.LogicalId, StringComparer.Ordinal);

    private IEnumerable<TemplateResource> Stacks(string parent, Dictionary<string, CfnMap> maps) =>
        _tree.ChildrenOf(parent).Select(child => StackResource.Build(child, maps[child].Entries, _stackDependsOn[child]));

    /// <summary>Orders by references first (they must hold), then by each DependsOn across templates where no cycle forbids it.</summary>
    private void Order(List<TemplateResource> rootResources, Dictionary<string, CfnMap> maps, IReadOnlyDictionary<string, ServicePlan> services)
    {
        var graphs = new Dictionary<string, DependencyGraph>(StringComparer.Ordinal);
        foreach (var parent in _tree.Middles.Prepend(""))
        {
            var children = _tree.ChildrenOf(parent).ToList();
            var graph = new DependencyGraph(parent.Length == 0 ? rootResources.Select(r => r.LogicalId).Concat(children) : children);
            foreach (var child in children)
            {
                foreach (var reference in References.In(maps[child]))
                {
                    graph.Require(child, reference.LogicalId);
                }
            }

            if (parent.Length == 0)
            {
                foreach (var resource in rootResources)
                {
                    foreach (var target in References.In(resource.Properties).Select(r => r.LogicalId).Concat(resource.DependsOn))
                    {
                        graph.Require(resource.LogicalId, target);
                    }
                }
            }

            graph.Close();
            graphs[parent] = graph;
        }

        foreach (var dependency in _leaves.Dependencies)
        {
            var parent = _tree.CommonAncestor(dependency.From, dependency.To);
            var from = dependency.From == parent ? dependency.Resource.LogicalId : _tree.ChildOn(parent, dependency.From);
            var to = dependency.To == parent ? dependency.Dependency : _tree.ChildOn(parent, dependency.To);
            switch (graphs[parent].TryAdd(from, to))
            {
                case DependencyGraph.Added.Yes when dependency.From == parent:
                    (_rootDependsOn.TryGetValue(from, out var list) ? list : _rootDependsOn[from] = []).Add(to);
                    break;
                case DependencyGraph.Added.Yes:
                    _stackDependsOn[from].Add(to);
                    break;
                case DependencyGraph.Added.Cycle:
                    Warn(dependency, services);
                    break;
            }
        }
    }

    private void Warn(CrossDependency dependency, IReadOnlyDictionary<string, ServicePlan> services)
    {
        var resource = dependency.Resource;
        var service = resource.Owner is { } owner ? services.GetValueOrDefault(owner) : null;
        var other = _facts.Index.ContainsKey(dependency.Dependency) ? _facts[dependency.Dependency].Owner ?? dependency.Dependency : dependency.Dependency;
        _warnings.Add(Diagnostic.Warning(service?.Location ?? SourceLocation.None, EcsDiagnosticCodes.SplitOrderCycle,
            $"services.{resource.Owner}: the application is split into nested stacks, and creating {resource.Owner} after {other} would make them depend on each other in a cycle; {resource.LogicalId} is not ordered after {dependency.Dependency}"));
    }
}
