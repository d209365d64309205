using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Compose2Ecs.Trace.Assembly;

/// <summary>Every resource of the assembly, queryable by type and identity, with values resolved across templates.</summary>
public sealed class ResourceGraph
{
    private readonly Intrinsics _intrinsics;
    private readonly Dictionary<ResourceId, Resource> _byId;

    public ResourceGraph(CloudAssembly assembly)
    {
        Assembly = assembly;
        _intrinsics = new Intrinsics(assembly.Templates);
        Resources = [.. assembly.Templates.SelectMany(t => t.Resources
            .Where(r => r.Value is JsonObject)
            .Select(r => new Resource(
                new ResourceId(t.Path, r.Key),
                r.Value!["Type"]?.GetValue<string>() ?? "",
                r.Value["Properties"] as JsonObject ?? [],
                t,
                r.Value["DependsOn"])))];
        _byId = Resources.ToDictionary(r => r.Id);
    }

    public CloudAssembly Assembly { get; }

    public ImmutableArray<Resource> Resources { get; }

    public IEnumerable<Resource> OfType(string type) => Resources.Where(r => r.Type == type);

    public Resource? Find(ResourceId? id) => id is not null && _byId.TryGetValue(id, out var r) ? r : null;

    /// <summary>A property of <paramref name="resource"/> (a path of keys), resolved.</summary>
    public CfnVal Value(Resource resource, params string[] path)
    {
        JsonNode? node = resource.Properties;
        foreach (var key in path)
        {
            node = node?[key];
        }

        return Resolve(node, resource);
    }

    public CfnVal Resolve(JsonNode? node, Resource resource) => _intrinsics.Resolve(node, resource.Stack);

    /// <summary>The resource a property points at (through parameters, outputs and lists), or null.</summary>
    public Resource? Target(Resource resource, params string[] path) => Find(Value(resource, path).Resource);

    /// <summary>Whether <paramref name="resource"/> waits for <paramref name="other"/>: a <c>DependsOn</c>, or a nested stack's, up the tree.</summary>
    public bool WaitsFor(Resource resource, Resource other)
    {
        // Same template: the DependsOn itself. Across templates: the stacks holding them must be ordered.
        if (resource.Stack == other.Stack)
        {
            return resource.DependsOn.Contains(other.LogicalId, StringComparer.Ordinal);
        }

        var mine = Chain(resource.Stack);
        var theirs = Chain(other.Stack);
        var common = mine.Intersect(theirs).FirstOrDefault();
        if (common is null)
        {
            return false;
        }

        var myChild = mine.TakeWhile(t => t != common).LastOrDefault();
        var theirChild = theirs.TakeWhile(t => t != common).LastOrDefault();
        var myNode = myChild?.StackResource ?? resource.LogicalId;
        var theirNode = theirChild?.StackResource ?? other.LogicalId;
        return common.Resources[myNode]?["DependsOn"] is { } d && new Resource(resource.Id, "", [], common, d).DependsOn.Contains(theirNode, StringComparer.Ordinal);

        static List<StackTemplate> Chain(StackTemplate t)
        {
            var list = new List<StackTemplate>();
            for (var s = t; s is not null; s = s.Parent)
            {
                list.Add(s);
            }

            return list;
        }
    }
}
