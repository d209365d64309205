using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Keeps every template within CloudFormation's limits. When the whole application fits in one
/// template, it stays one. Otherwise shared resources stay in the root and each service goes
/// to bucket <c>hash(name) mod N</c> (N a power of two, doubled until everything fits): its
/// security groups to nested stack <c>SecurityGroups{b}</c>, the rest to <c>ServiceGroup{b}</c>.
/// Hashing keeps a service in its bucket when others are added or removed; security groups in
/// their own stacks mean rules between services never make two service stacks depend on each
/// other. References across templates become nested-stack parameters and outputs.
/// </summary>
public static class StackSplitter
{
    public static TemplateSet Split(EcsPlan plan, ImmutableArray<TemplateResource> resources, SplitLimits? limits = null)
    {
        limits ??= SplitLimits.CloudFormation;
        var description = $"compose2ecs: {plan.ProjectName} on ECS Fargate (--mesh {plan.BackendName})";
        var single = new TemplateDocument("", resources) { Description = description, Outputs = plan.Outputs, Mappings = plan.Mappings };
        if (Fits(single, limits))
        {
            return new TemplateSet(single, []);
        }

        // Start where buckets would be about 80% full if hashing spread services evenly.
        var owned = resources.Count(r => r.Owner is not null);
        var buckets = 2;
        while (buckets * limits.MaxResources * 4 / 5 < owned)
        {
            buckets *= 2;
        }

        var maxBuckets = Math.Max(2, plan.Services.Length * 2);
        for (; buckets <= maxBuckets; buckets *= 2)
        {
            var set = new Splitting(plan, resources, buckets, description).Run();
            if (set.All.All(d => Fits(d, limits)))
            {
                return set;
            }
        }

        throw new InvalidInputException(SourceLocation.None,
            $"the application does not fit in CloudFormation's limits even split into nested stacks ({resources.Length} resources); a single service may have too many resources");
    }

    public static bool Fits(TemplateDocument document, SplitLimits limits) =>
        document.Resources.Length <= limits.MaxResources
        && document.Parameters.Length <= limits.MaxParameters
        && document.Outputs.Length <= limits.MaxOutputs
        && TemplateJson.Size(document) <= limits.MaxBytes;

    /// <summary>The bucket of a service: a stable hash of its name, so it stays put as services come and go.</summary>
    public static int Bucket(string service, int buckets)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(service));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(digest) % (uint)buckets);
    }

    /// <summary>One attempt at splitting into a given number of buckets.</summary>
    private sealed class Splitting(EcsPlan plan, ImmutableArray<TemplateResource> resources, int buckets, string description)
    {
        private const string Root = "";
        private readonly Dictionary<string, string> _home = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TemplateResource>> _members = new(StringComparer.Ordinal) { [Root] = [] };
        private readonly Dictionary<string, SortedDictionary<string, CfnValue>> _parameters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<TemplateOutput>> _outputs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> _stackDependsOn = new(StringComparer.Ordinal);
        private readonly List<Diagnostic> _warnings = [];

        public TemplateSet Run()
        {
            foreach (var resource in resources)
            {
                var home = Home(resource);
                _home[resource.LogicalId] = home;
                (_members.TryGetValue(home, out var list) ? list : _members[home] = []).Add(resource);
            }

            var nestedIds = _members.Keys.Where(k => k != Root).Order(StackOrder.Instance).ToList();
            foreach (var id in nestedIds)
            {
                _parameters[id] = new(StringComparer.Ordinal);
                _outputs[id] = [];
                _stackDependsOn[id] = new(StringComparer.Ordinal);
            }

            var rewritten = new Dictionary<string, List<TemplateResource>>(StringComparer.Ordinal);
            foreach (var (home, members) in _members)
            {
                rewritten[home] = [.. members.Select(r => Wire(home, r))];
            }

            var rootOutputs = plan.Outputs.Select(o => o with { Value = References.Rewrite(o.Value, r => FromRoot(r)) }).ToImmutableArray();
            CheckAcyclic(nestedIds);
            AddExplicitDependencies(nestedIds, rewritten);

            var nested = nestedIds.Select(id => new TemplateDocument(id, [.. rewritten[id]])
            {
                Description = $"{description}: {id}",
                Parameters = [.. _parameters[id].Keys],
                Outputs = [.. _outputs[id]],
                Mappings = plan.Mappings,
            }).ToImmutableArray();
            var stacks = nestedIds.Select(id => new TemplateResource(id, "AWS::CloudFormation::Stack", new CfnMapBuilder()
                .Add("TemplateURL", $"{id}.template.json")
                .AddMap("Parameters", new CfnMap([.. _parameters[id].Select(p => KeyValuePair.Create(p.Key, p.Value))]))
                .Build())
            {
                DependsOn = [.. _stackDependsOn[id]],
            });
            var root = new TemplateDocument(Root, [.. rewritten[Root], .. stacks]) { Description = description, Outputs = rootOutputs, Mappings = plan.Mappings };
            return new TemplateSet(root, nested) { Warnings = [.. _warnings], Buckets = buckets };
        }

        private string Home(TemplateResource resource)
        {
            if (resource.Owner is not { } owner)
            {
                return Root;
            }

            var bucket = Bucket(owner, buckets);
            return resource.Type == "AWS::EC2::SecurityGroup" ? $"SecurityGroups{bucket}" : SharedIds.ServiceGroup(bucket);
        }

        /// <summary>A resource of <paramref name="home"/> with references to other templates turned into parameters or outputs.</summary>
        private TemplateResource Wire(string home, TemplateResource resource)
        {
            Func<ResourceReference, ResourceReference?> replace = home == Root ? r => FromRoot(r) : r => FromNested(home, r);
            return resource with { Properties = References.Rewrite(resource.Properties, replace) };
        }

        /// <summary>In a nested template, a foreign resource becomes a parameter that the root fills.</summary>
        private ResourceReference? FromNested(string home, ResourceReference reference)
        {
            if (!_home.TryGetValue(reference.LogicalId, out var where) || where == home)
            {
                return null;
            }

            var name = ParameterName(reference);
            if (!_parameters[home].ContainsKey(name))
            {
                var value = where == Root ? Value(reference) : Value(Export(where, reference));
                _parameters[home][name] = value;
            }

            return new ResourceReference(name, null);
        }

        /// <summary>In the root, a nested resource is read from its stack's outputs.</summary>
        private ResourceReference? FromRoot(ResourceReference reference) =>
            _home.TryGetValue(reference.LogicalId, out var where) && where != Root ? Export(where, reference) : null;

        /// <summary>An output of nested stack <paramref name="stack"/> with the referenced value; the reference to it from the root.</summary>
        private ResourceReference Export(string stack, ResourceReference reference)
        {
            var name = ParameterName(reference);
            if (!_outputs[stack].Any(o => o.LogicalId == name))
            {
                _outputs[stack].Add(new TemplateOutput(name, Value(reference), $"{reference.LogicalId} {reference.Attribute ?? "Ref"}"));
            }

            return new ResourceReference(stack, $"Outputs.{name}");
        }

        private static CfnValue Value(ResourceReference reference) =>
            reference.Attribute is null ? CfnValue.Ref(reference.LogicalId) : CfnValue.GetAtt(reference.LogicalId, reference.Attribute);

        private static string ParameterName(ResourceReference reference) =>
            reference.Attribute is null ? reference.LogicalId : reference.LogicalId + new string([.. reference.Attribute.Where(char.IsAsciiLetterOrDigit)]);

        /// <summary>Stacks that read another stack's outputs depend on it; those dependencies must not form a cycle.</summary>
        private void CheckAcyclic(List<string> nestedIds)
        {
            foreach (var id in nestedIds)
            {
                foreach (var source in _parameters[id].Values.SelectMany(References.In).Select(r => r.LogicalId).Where(_stackDependsOn.ContainsKey))
                {
                    _stackDependsOn[id].Add(source);
                }
            }

            foreach (var id in nestedIds)
            {
                if (Reaches(id, id, first: true))
                {
                    throw new InvalidOperationException($"nested stack {id} depends on itself through references between nested stacks; a backend references resources of services in different buckets in a cycle");
                }
            }
        }

        /// <summary>DependsOn across templates: on a stack, or between stacks where that forms no cycle.</summary>
        private void AddExplicitDependencies(List<string> nestedIds, Dictionary<string, List<TemplateResource>> templates)
        {
            foreach (var (home, members) in templates)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    var resource = members[i];
                    var kept = new List<string>();
                    foreach (var dependency in resource.DependsOn)
                    {
                        var where = _home.GetValueOrDefault(dependency, home);
                        if (where == home)
                        {
                            kept.Add(dependency);
                        }
                        else if (home == Root)
                        {
                            kept.Add(where);
                        }
                        else if (where == Root)
                        {
                            _stackDependsOn[home].Add(dependency);
                        }
                        else if (_stackDependsOn[home].Contains(where) || !Reaches(where, home, first: false))
                        {
                            _stackDependsOn[home].Add(where);
                        }
                        else
                        {
                            Warn(resource, dependency);
                        }
                    }

                    members[i] = resource with { DependsOn = [.. kept.Distinct()] };
                }
            }
        }

        /// <summary>True when <paramref name="to"/> is reachable from <paramref name="from"/> over stack dependencies.</summary>
        private bool Reaches(string from, string to, bool first)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(first ? _stackDependsOn[from] : [from]);
            while (pending.TryPop(out var current))
            {
                if (current == to)
                {
                    return true;
                }

                if (seen.Add(current) && _stackDependsOn.TryGetValue(current, out var next))
                {
                    foreach (var n in next)
                    {
                        pending.Push(n);
                    }
                }
            }

            return false;
        }

        private void Warn(TemplateResource resource, string dependency)
        {
            var service = resource.Owner is { } owner ? plan.FindService(owner) : null;
            var other = resources.FirstOrDefault(r => r.LogicalId == dependency)?.Owner ?? dependency;
            _warnings.Add(Diagnostic.Warning(service?.Location ?? SourceLocation.None,
                $"services.{resource.Owner}: the application is split into nested stacks, and creating {resource.Owner} after {other} would make them depend on each other in a cycle; {resource.LogicalId} is not ordered after {dependency}"));
        }
    }

    /// <summary>SecurityGroups0, SecurityGroups1 …, then ServiceGroup0 …: numeric order within each kind.</summary>
    private sealed class StackOrder : IComparer<string>
    {
        public static StackOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var (kx, nx) = Split(x ?? "");
            var (ky, ny) = Split(y ?? "");
            var byKind = string.CompareOrdinal(kx, ky);
            return byKind != 0 ? byKind : nx.CompareTo(ny);
        }

        private static (string Kind, int Number) Split(string id)
        {
            var digits = id.Length - id.Reverse().TakeWhile(char.IsAsciiDigit).Count();
            return (id[..digits], digits < id.Length ? int.Parse(id[digits..], System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
    }
}
