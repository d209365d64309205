using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Places services into hash buckets, one <see cref="HashPartition"/> for security groups and one
/// for the rest, each bucket as big as its template's limits allow. A bucket's size is estimated
/// from the resources' sizes, counted once; the estimates err large, and the built templates are
/// checked exactly afterwards (<see cref="StackSplitter"/> splits a bucket whose estimate was short).
/// </summary>
internal sealed class SplitPlacer
{
    /// <summary>The share of the byte limit an estimate may fill, leaving room for what estimates do not see.</summary>
    private const double Margin = 0.95;

    private readonly SplitFacts _facts;
    private readonly SplitLimits _limits;
    private readonly EcsPlan _plan;
    private readonly Dictionary<string, OwnerSize> _security = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnerSize> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, int Bytes)> _ownedOutputs;

    /// <param name="outputsInStacks">Whether each service's outputs go into its own stack (too many for the root).</param>
    public SplitPlacer(SplitFacts facts, SplitLimits limits, EcsPlan plan, bool outputsInStacks)
    {
        _facts = facts;
        _limits = limits;
        _plan = plan;
        _ownedOutputs = !outputsInStacks ? [] : plan.Outputs.Where(o => o.Owner is not null).GroupBy(o => o.Owner!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(o => TemplateSize.Value(o.Value, 3) + o.Description.Length + o.LogicalId.Length + 40)), StringComparer.Ordinal);
        for (var i = 0; i < facts.Resources.Length; i++)
        {
            var placement = facts.Placements[i];
            if (placement == Placement.Root)
            {
                continue;
            }

            var sizes = placement == Placement.SecurityGroup ? _security : _services;
            var owner = facts.Resources[i].Owner!;
            if (!sizes.TryGetValue(owner, out var size))
            {
                sizes[owner] = size = new OwnerSize();
            }

            size.Resources.Add(i);
            size.Bytes += facts.Bytes[i];
        }
    }

    public SplitLayout Place(IReadOnlySet<HashBucket> forcedSecurity, IReadOnlySet<HashBucket> forcedServices)
    {
        var hash = (string owner) => _facts.Hashes[owner];
        var security = HashPartition.Split([.. _security.Keys.Order(StringComparer.Ordinal)], hash, 0, FitsSecurity, forcedSecurity, TooBig);
        var securityHome = Homes(security, SplitLayout.SecurityStackId);
        var listed = Listed(securityHome);
        var chunks = new ChannelIndex(id => Home(id, securityHome, null), listed, _limits.IdsPerList);

        Tally(chunks);

        var services = HashPartition.Split([.. _services.Keys.Order(StringComparer.Ordinal)], hash, 0, FitsServices, forcedServices, TooBig);
        var serviceHome = Homes(services, SplitLayout.ServiceStackId);
        return new SplitLayout(security, services, securityHome, serviceHome,
            new ChannelIndex(id => Home(id, securityHome, serviceHome), listed, _limits.IdsPerList));
    }

    /// <summary>What each service reads from other templates (by channel), and which of its values other templates read.</summary>
    private void Tally(ChannelIndex chunks)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (owner, size) in _services)
        {
            size.Reads.Clear();
            size.Exports.Clear();
            size.CrossReferences = 0;
            foreach (var i in size.Resources)
            {
                foreach (var reference in _facts.References[i])
                {
                    var target = _facts.Index[reference.LogicalId];
                    var targetOwner = _facts.Resources[target].Owner;
                    if (_facts.Placements[target] == Placement.Service && targetOwner == owner)
                    {
                        continue;
                    }

                    size.CrossReferences++;
                    var name = _facts.Placements[target] == Placement.SecurityGroup && _facts.IsListable(reference)
                        ? chunks.For(reference).Channel.Name
                        : Channel.NameOf(reference);
                    size.Reads.Add((Intern(keys, name), _facts.Placements[target] == Placement.Service ? targetOwner : null));
                }
            }
        }

        // What a service's stack must output: its values read by the root, security groups, or other services.
        for (var i = 0; i < _facts.Resources.Length; i++)
        {
            var reader = _facts.Resources[i].Owner;
            var readerIsService = _facts.Placements[i] == Placement.Service;
            foreach (var reference in _facts.References[i])
            {
                var target = _facts.Index[reference.LogicalId];
                if (_facts.Placements[target] != Placement.Service || (readerIsService && reader == _facts.Resources[target].Owner))
                {
                    continue;
                }

                _services[_facts.Resources[target].Owner!].Exports.Add((Intern(keys, Channel.NameOf(reference)), readerIsService ? reader : null));
            }
        }
    }

    /// <summary>The template of a logical ID, given the homes of owners.</summary>
    public string Home(string logicalId, Dictionary<string, string> securityHome, Dictionary<string, string>? serviceHome)
    {
        var index = _facts.Index[logicalId];
        return _facts.Placements[index] switch
        {
            Placement.SecurityGroup => securityHome[_facts.Resources[index].Owner!],
            Placement.Service => serviceHome is null ? throw new InvalidOperationException("services are not placed yet") : serviceHome[_facts.Resources[index].Owner!],
            _ => "",
        };
    }

    private static Dictionary<string, string> Homes(List<HashPartition.Part<string>> parts, Func<HashBucket, string> id) =>
        parts.SelectMany(p => p.Items.Select(owner => (owner, Id: id(p.Bucket)))).ToDictionary(x => x.owner, x => x.Id, StringComparer.Ordinal);

    /// <summary>The security-group ids each <c>SecurityGroups</c> stack lists for other templates.</summary>
    private Dictionary<string, SortedSet<ResourceReference>> Listed(Dictionary<string, string> securityHome)
    {
        var listed = new Dictionary<string, SortedSet<ResourceReference>>(StringComparer.Ordinal);
        for (var i = 0; i < _facts.Resources.Length; i++)
        {
            foreach (var reference in _facts.References[i])
            {
                if (!_facts.IsListable(reference))
                {
                    continue;
                }

                var stack = securityHome[_facts[reference.LogicalId].Owner!];
                if (_facts.Placements[i] == Placement.SecurityGroup && securityHome[_facts.Resources[i].Owner!] == stack)
                {
                    continue;
                }

                (listed.TryGetValue(stack, out var set) ? set : listed[stack] = new SortedSet<ResourceReference>(ChannelIndex.Order)).Add(reference);
            }
        }

        return listed;
    }

    private bool FitsSecurity(IReadOnlyList<string> owners, HashBucket bucket)
    {
        var resources = owners.Sum(o => _security[o].Resources.Count);
        if (resources > _limits.MaxResources)
        {
            return false;
        }

        // Reads from the root and other templates (the VPC id, mostly), and ids listed for other templates.
        var inside = owners.ToHashSet(StringComparer.Ordinal);
        var reads = new HashSet<string>(StringComparer.Ordinal);
        var listed = 0;
        foreach (var owner in owners)
        {
            foreach (var i in _security[owner].Resources)
            {
                foreach (var reference in _facts.References[i])
                {
                    var target = _facts.Index[reference.LogicalId];
                    if (_facts.Placements[target] != Placement.SecurityGroup || !inside.Contains(_facts.Resources[target].Owner!))
                    {
                        reads.Add(Channel.NameOf(reference));
                    }
                }

                // Every group may be named elsewhere: its id is listed.
                listed++;
            }
        }

        var outputs = (listed + _limits.IdsPerList - 1) / _limits.IdsPerList;
        var bytes = 400 + owners.Sum(o => _security[o].Bytes) + reads.Count * 60 + listed * 90 + outputs * 150;
        return reads.Count <= _limits.MaxParameters && outputs <= _limits.MaxOutputs && bytes <= _limits.MaxBytes * Margin;
    }

    private bool FitsServices(IReadOnlyList<string> owners, HashBucket bucket)
    {
        var resources = owners.Sum(o => _services[o].Resources.Count);
        if (resources > _limits.MaxResources)
        {
            return false;
        }

        var outside = (string? owner) => owner is null || !bucket.Holds(_facts.Hashes[owner]);
        var reads = new HashSet<int>();
        var exports = new HashSet<int>();
        int bytes = 400, outputs = 0;
        foreach (var owner in owners)
        {
            var size = _services[owner];
            bytes += size.Bytes + size.CrossReferences * 100;
            foreach (var (key, from) in size.Reads)
            {
                if (outside(from))
                {
                    reads.Add(key);
                }
            }

            foreach (var (key, reader) in size.Exports)
            {
                if (outside(reader))
                {
                    exports.Add(key);
                }
            }

            if (_ownedOutputs.TryGetValue(owner, out var owned))
            {
                outputs += owned.Count;
                bytes += owned.Bytes;
            }
        }

        outputs += exports.Count;
        bytes += reads.Count * 60 + exports.Count * 200;
        return reads.Count <= _limits.MaxParameters && outputs <= _limits.MaxOutputs && bytes <= _limits.MaxBytes * Margin;
    }

    private static int Intern(Dictionary<string, int> keys, string name)
    {
        if (!keys.TryGetValue(name, out var key))
        {
            keys[name] = key = keys.Count;
        }

        return key;
    }

    /// <summary>Located at the service (a security group's owner is its service too), so the user sees which compose key to change.</summary>
    private Exception TooBig(string owner) => new InvalidInputException(_plan.FindService(owner)?.Location ?? SourceLocation.None, EcsDiagnosticCodes.TooLarge,
        $"services.{owner}: the service's resources do not fit in one CloudFormation template (500 resources, 1 MB, 200 parameters and outputs), even alone in a nested stack");

    /// <summary>One service's share of a template, and what it reads from and gives to other templates.</summary>
    private sealed class OwnerSize
    {
        public List<int> Resources { get; } = [];

        public int Bytes { get; set; }

        public int CrossReferences { get; set; }

        /// <summary>Channels read, with the service whose stack holds the value (null: the root or a security group, outside any service stack).</summary>
        public List<(int Key, string? From)> Reads { get; } = [];

        /// <summary>Values read elsewhere, with the reading service (null: the root or a security group).</summary>
        public List<(int Key, string? Reader)> Exports { get; } = [];
    }
}
