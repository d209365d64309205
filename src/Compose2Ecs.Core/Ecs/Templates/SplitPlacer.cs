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

    /// <summary>Placement computed from the names alone: hash buckets, each as big as its template allows.</summary>
    public SplitLayout Place(IReadOnlySet<HashBucket> forcedSecurity, IReadOnlySet<HashBucket> forcedServices)
    {
        var hash = (string owner) => _facts.Hashes[owner];
        var security = HashPartition.Split([.. _security.Keys.Order(StringComparer.Ordinal)], hash, 0, (o, _) => FitsSecurity(o), forcedSecurity, TooBig)
            .Select(p => new StackPart(SplitLayout.SecurityStackId(p.Bucket), p.Bucket, p.Items)).ToList();
        return Layout(security, new HashSet<string>(), () => [.. HashPartition.Split([.. _services.Keys.Order(StringComparer.Ordinal)], hash, 0, (o, _) => FitsServices(o), forcedServices, TooBig)
            .Select(p => new StackPart(SplitLayout.ServiceStackId(p.Bucket), p.Bucket, p.Items))]);
    }

    /// <summary>
    /// Placement kept from a stack layout: every service it places stays in its template (the
    /// root included); each new one goes, in name order, to the first stack of its kind with
    /// room, else to a new stack numbered after the last. <paramref name="closed"/> stacks take
    /// no new service (their built template did not fit).
    /// </summary>
    public SplitLayout PlaceSticky(StackLayout prior, IReadOnlySet<string> closed)
    {
        var placed = prior.Services.ToDictionary(s => s.Service, StringComparer.Ordinal);
        var rootServices = placed.Values.Where(p => p.ServiceStack is "").Select(p => p.Service).ToHashSet(StringComparer.Ordinal);
        var security = Sticky(_security, o => placed.GetValueOrDefault(o)?.SecurityStack, FitsSecurity, closed, SplitLayout.SecurityPrefix);
        return Layout(security, rootServices,
            () => Sticky(_services, o => placed.GetValueOrDefault(o)?.ServiceStack, FitsServices, closed, SplitLayout.ServicePrefix));
    }

    private SplitLayout Layout(List<StackPart> security, IReadOnlySet<string> rootServices, Func<List<StackPart>> placeServices)
    {
        var securityHome = Homes(security, _security.Keys);
        var listed = Listed(securityHome, rootServices);
        var chunks = new ChannelIndex(id => Home(id, securityHome, null), listed, _limits.IdsPerList);

        Tally(chunks);

        var services = placeServices();
        var serviceHome = Homes(services, _services.Keys);
        return new SplitLayout(security, services, securityHome, serviceHome,
            new ChannelIndex(id => Home(id, securityHome, serviceHome), listed, _limits.IdsPerList));
    }

    private List<StackPart> Sticky(Dictionary<string, OwnerSize> sizes, Func<string, string?> prior, Func<IReadOnlyList<string>, bool> fits,
        IReadOnlySet<string> closed, string prefix)
    {
        var stacks = new SortedDictionary<string, List<string>>(StackOrder.Instance);
        var fresh = new List<string>();
        foreach (var owner in sizes.Keys.Order(StringComparer.Ordinal))
        {
            switch (prior(owner))
            {
                case null:
                    fresh.Add(owner);
                    break;
                case { Length: > 0 } stack:
                    (stacks.TryGetValue(stack, out var members) ? members : stacks[stack] = []).Add(owner);
                    break;
            }
        }

        // A stack that refused one service is full for this run: each new service tries each stack at most once.
        var full = new HashSet<string>(closed, StringComparer.Ordinal);
        var next = stacks.Keys.Concat(closed.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(id => int.Parse(id[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        foreach (var owner in fresh)
        {
            var home = stacks.FirstOrDefault(s => !full.Contains(s.Key) && Fits(s.Value, owner, fits, full, s.Key)).Key;
            if (home is null)
            {
                if (!fits([owner]))
                {
                    throw TooBig(owner);
                }

                stacks[$"{prefix}{next++}"] = [owner];
            }
        }

        return [.. stacks.Select(s => new StackPart(s.Key, null, s.Value))];
    }

    /// <summary>Adds the owner when the stack still fits with it; else marks the stack full.</summary>
    private static bool Fits(List<string> members, string owner, Func<IReadOnlyList<string>, bool> fits, HashSet<string> full, string stack)
    {
        members.Add(owner);
        if (fits(members))
        {
            return true;
        }

        members.RemoveAt(members.Count - 1);
        full.Add(stack);
        return false;
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

    /// <summary>Each owner's template: its stack's, or the root's (<c>""</c>) for an owner no stack holds.</summary>
    private static Dictionary<string, string> Homes(List<StackPart> parts, IEnumerable<string> owners)
    {
        var homes = owners.ToDictionary(o => o, _ => "", StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var owner in part.Items)
            {
                homes[owner] = part.Id;
            }
        }

        return homes;
    }

    /// <summary>The security-group ids each <c>SecurityGroups</c> stack lists for other templates.</summary>
    /// <param name="rootServices">Services whose other resources stay in the root: they read the root's security groups directly.</param>
    private Dictionary<string, SortedSet<ResourceReference>> Listed(Dictionary<string, string> securityHome, IReadOnlySet<string> rootServices)
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
                var readerHome = _facts.Placements[i] switch
                {
                    Placement.Root => "",
                    Placement.SecurityGroup => securityHome[_facts.Resources[i].Owner!],
                    _ => rootServices.Contains(_facts.Resources[i].Owner!) ? "" : null,
                };
                if (readerHome == stack)
                {
                    continue;
                }

                (listed.TryGetValue(stack, out var set) ? set : listed[stack] = new SortedSet<ResourceReference>(ChannelIndex.Order)).Add(reference);
            }
        }

        return listed;
    }

    private bool FitsSecurity(IReadOnlyList<string> owners)
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

    private bool FitsServices(IReadOnlyList<string> owners)
    {
        var resources = owners.Sum(o => _services[o].Resources.Count);
        if (resources > _limits.MaxResources)
        {
            return false;
        }

        var inside = owners.ToHashSet(StringComparer.Ordinal);
        var outside = (string? owner) => owner is null || !inside.Contains(owner);
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
