using System.Collections.Immutable;
using System.Globalization;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Migration;

/// <summary>
/// An ECS ComposeX <c>x-appmesh</c> section as written (its <c>x-appmesh.spec.json</c>): mesh
/// <c>Properties</c>, and <c>Settings</c> with <c>Nodes</c>, <c>Routers</c> (listener and
/// <c>Http</c>/<c>Http2</c>/<c>Grpc</c>/<c>Tcp</c> routes) and virtual <c>Services</c>. ComposeX's
/// older lowercase keys (<c>nodes</c>, <c>name</c>…) are read too: keys are matched ignoring case.
/// </summary>
internal sealed record AppMeshSpec
{
    public MappingNode? Properties { get; init; }

    /// <summary><c>Lookup: {MeshName, MeshOwner}</c> (ComposeX 0.22+): join an existing mesh instead of creating one.</summary>
    public MappingNode? Lookup { get; init; }

    /// <summary>The 2020 form <c>x-appmesh: {root: {Properties, Settings}}</c> keys the mesh by its name.</summary>
    public string? NestedName { get; init; }

    /// <summary>Where x-appmesh starts, for notes about the mesh as a whole.</summary>
    public SourceLocation Location { get; init; }

    public ImmutableArray<NodeSpec> Nodes { get; init; } = [];

    public ImmutableArray<RouterSpec> Routers { get; init; } = [];

    public ImmutableArray<VirtualServiceSpec> Services { get; init; } = [];

    /// <summary>Settings ComposeX has that nothing here maps (Gateways, unknown keys), for the report.</summary>
    public ImmutableArray<MappingEntry> Unmapped { get; init; } = [];
}

internal sealed record NodeSpec(string Name, string? Protocol, int? Port, ImmutableArray<(string Name, SourceLocation Location)> Backends, SourceLocation Location)
{
    public bool HasBackends { get; init; }

    public SourceLocation ProtocolLocation { get; init; }

    public SourceLocation PortLocation { get; init; }
}

internal sealed record RouterSpec(string Name, int? Port, string? Protocol, ImmutableArray<RouteSpec> Routes, SourceLocation Location)
{
    /// <summary>Where the gRPC route list is, when there is one: ComposeX created none of those routes.</summary>
    public SourceLocation? GrpcLocation { get; init; }

    /// <summary>Route lists of another protocol than the listener's, for the report.</summary>
    public ImmutableArray<MappingEntry> OtherRoutes { get; init; } = [];
}

/// <summary>One ComposeX route: a match (http: Prefix, Method, Scheme…; grpc: ServiceName, MethodName) and weighted nodes.</summary>
internal sealed record RouteSpec(MappingNode? Match, ImmutableArray<(string Node, int Weight, SourceLocation Location)> Nodes, SourceLocation Location);

internal sealed record VirtualServiceSpec(string Name, string? Node, string? Router, SourceLocation Location)
{
    /// <summary>Where the Name value is, for notes about renaming it.</summary>
    public SourceLocation NameLocation { get; init; }

    public string? CloudMap { get; init; }
}

/// <summary>Reads <c>x-appmesh</c>; anything it cannot read is reported and skipped.</summary>
internal sealed class AppMeshSpecReader(DiagnosticBag report)
{
    /// <summary>The keys ComposeX read, per kind of entry; anything else it rejected (or never read) and is reported.</summary>
    private static readonly string[] NodeKeys = ["Name", "Protocol", "Backends", "Port"];
    private static readonly string[] RouterKeys = ["Name", "Listener", "Routes"];
    private static readonly string[] HttpRouteKeys = ["Match", "Nodes"];
    private static readonly string[] TcpRouteKeys = ["Nodes"];
    private static readonly string[] RouteNodeKeys = ["Name", "Weight"];
    private static readonly string[] ServiceKeys = ["Name", "Node", "Router", "x-cloudmap"];

    public AppMeshSpec Read(MappingEntry section)
    {
        if (section.Value is not MappingNode root)
        {
            throw new InvalidInputException(section.Key.Location, MigrationDiagnosticCodes.InvalidSection, "x-appmesh: expected a mapping with Properties and Settings");
        }

        string? nestedName = null;
        if (Nested(root) is { } nested)
        {
            nestedName = nested.Name;
            root = (MappingNode)nested.Value;
        }

        var unmapped = ImmutableArray.CreateBuilder<MappingEntry>();
        MappingNode? properties = null;
        MappingNode? settings = null;
        MappingNode? lookup = null;
        foreach (var entry in root.Entries)
        {
            switch (entry.Name.ToLowerInvariant())
            {
                case "properties":
                    properties = Mapping(entry, "x-appmesh.Properties");
                    break;
                case "settings":
                    settings = Mapping(entry, "x-appmesh.Settings");
                    break;
                case "lookup":
                    lookup = Mapping(entry, "x-appmesh.Lookup");
                    break;
                default:
                    unmapped.Add(entry);
                    break;
            }
        }

        var nodes = ImmutableArray<NodeSpec>.Empty;
        var routers = ImmutableArray<RouterSpec>.Empty;
        var services = ImmutableArray<VirtualServiceSpec>.Empty;
        foreach (var entry in settings?.Entries ?? [])
        {
            switch (entry.Name.ToLowerInvariant())
            {
                case "nodes":
                    nodes = [.. Items(entry).Select(Node).OfType<NodeSpec>()];
                    break;
                case "routers":
                    routers = [.. Items(entry).Select(Router).OfType<RouterSpec>()];
                    break;
                case "services":
                    services = [.. Items(entry).Select(VirtualService).OfType<VirtualServiceSpec>()];
                    break;
                default:
                    unmapped.Add(entry);
                    break;
            }
        }

        return new AppMeshSpec
        {
            Properties = properties,
            Lookup = lookup,
            NestedName = nestedName,
            Location = section.Key.Location,
            Nodes = nodes,
            Routers = routers,
            Services = services,
            Unmapped = unmapped.ToImmutable(),
        };
    }

    /// <summary>The 2020 form: one key (the mesh's name) holding Properties and Settings.</summary>
    private static MappingEntry? Nested(MappingNode root) =>
        root.Entries is [{ Value: MappingNode inner } only]
        && !IsSectionKey(only.Name)
        && inner.Entries.Any(e => IsSectionKey(e.Name))
            ? only
            : null;

    private static bool IsSectionKey(string key) => key.ToLowerInvariant() is "properties" or "settings" or "lookup";

    private MappingNode? Mapping(MappingEntry entry, string path)
    {
        if (entry.Value is MappingNode map)
        {
            return map;
        }

        if (entry.Value is not ScalarNode { IsNull: true })
        {
            report.Warning(entry.Value.Location, MigrationDiagnosticCodes.MalformedValue, $"{path}: expected a mapping; ignored");
        }

        return null;
    }

    /// <summary>Reports keys ComposeX did not accept in an entry (it raised on them, or never read them).</summary>
    private void UnknownKeys(MappingNode map, string[] known, string what)
    {
        foreach (var entry in map.Entries.Where(e => !known.Any(k => string.Equals(k, e.Name, StringComparison.OrdinalIgnoreCase))))
        {
            report.Warning(entry.Key.Location, MigrationDiagnosticCodes.UnknownKey, $"x-appmesh: {what}: {entry.Name} is not a key ComposeX accepted here ({string.Join(", ", known)}); ignored");
        }
    }

    private IEnumerable<MappingNode> Items(MappingEntry entry)
    {
        if (entry.Value is not SequenceNode list)
        {
            report.Warning(entry.Key.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh.Settings.{entry.Name}: expected a list; skipped");
            yield break;
        }

        foreach (var item in list.Items)
        {
            if (item is MappingNode map)
            {
                yield return map;
            }
            else
            {
                report.Warning(item.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh.Settings.{entry.Name}: expected a mapping with Name; skipped");
            }
        }
    }

    private NodeSpec? Node(MappingNode map)
    {
        if (Text(map, "Name") is not { } name)
        {
            report.Warning(map.Location, MigrationDiagnosticCodes.MalformedValue, "x-appmesh.Settings.Nodes: a node without Name; skipped");
            return null;
        }

        UnknownKeys(map, NodeKeys, $"node {name}");
        var backends = ImmutableArray<(string, SourceLocation)>.Empty;
        switch (Find(map, "Backends")?.Value)
        {
            case SequenceNode list:
                backends = [.. list.Items.OfType<ScalarNode>().Select(s => (s.Value, s.Location))];
                break;
            case ScalarNode { IsNull: true } or null:
                break;
            case { } other:
                report.Warning(other.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: node {name}: Backends must be a list of virtual service names; ignored");
                break;
        }

        if (Find(map, "Protocol") is null)
        {
            report.Warning(map.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: node {name} has no Protocol: ComposeX rejected such a node; x-mesh's default protocol (http) is used");
        }

        return new NodeSpec(name, Text(map, "Protocol"), Int(map, "Port"), backends, map.Location)
        {
            HasBackends = Find(map, "Backends")?.Value is SequenceNode,
            ProtocolLocation = Find(map, "Protocol")?.Value.Location ?? map.Location,
            PortLocation = Find(map, "Port")?.Value.Location ?? map.Location,
        };
    }

    private RouterSpec? Router(MappingNode map)
    {
        if (Text(map, "Name") is not { } name)
        {
            report.Warning(map.Location, MigrationDiagnosticCodes.MalformedValue, "x-appmesh.Settings.Routers: a router without Name; skipped");
            return null;
        }

        UnknownKeys(map, RouterKeys, $"router {name}");
        var listenerEntry = Find(map, "Listener");
        var listener = listenerEntry?.Value as MappingNode;
        if (listenerEntry is not null && listener is null)
        {
            report.Warning(listenerEntry.Value.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: router {name}: Listener must be a mapping with Port and Protocol; ignored");
        }

        var protocol = listener is null ? null : Text(listener, "Protocol");
        var port = listener is null ? null : Int(listener, "Port");
        var routes = ImmutableArray.CreateBuilder<RouteSpec>();
        var other = ImmutableArray.CreateBuilder<MappingEntry>();
        SourceLocation? grpc = null;
        var routesEntry = Find(map, "Routes");
        if (routesEntry?.Value is MappingNode lists)
        {
            // The listener's protocol picks the list; without one, the first list decides.
            var chosen = lists.Entries.FirstOrDefault(e => protocol is not null && string.Equals(e.Name, protocol, StringComparison.OrdinalIgnoreCase))
                ?? lists.Entries.FirstOrDefault();
            protocol ??= chosen?.Name;
            foreach (var entry in lists.Entries)
            {
                if (entry != chosen)
                {
                    other.Add(entry);
                    continue;
                }

                if (entry.Name.Equals("grpc", StringComparison.OrdinalIgnoreCase))
                {
                    grpc = entry.Key.Location;
                }

                var known = entry.Name.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? TcpRouteKeys : HttpRouteKeys;
                foreach (var item in (entry.Value as SequenceNode)?.Items ?? [])
                {
                    if (item is MappingNode route)
                    {
                        UnknownKeys(route, known, $"router {name}: {entry.Name} route");
                        routes.Add(new RouteSpec(Find(route, "Match")?.Value as MappingNode, RouteNodes(route, name), route.Location));
                    }
                    else
                    {
                        report.Warning(item.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: router {name}: a route must be a mapping with Match and Nodes; skipped");
                    }
                }
            }
        }
        else if (routesEntry is not null)
        {
            report.Warning(routesEntry.Value.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: router {name}: Routes must map a protocol (Http, Http2, Tcp, gRPC) to a list of routes; ignored");
        }

        return new RouterSpec(name, port, protocol, routes.ToImmutable(), map.Location) { OtherRoutes = other.ToImmutable(), GrpcLocation = grpc };
    }

    /// <summary><c>Nodes: [{Name, Weight}]</c>, or the older <c>nodes: [app01]</c>. Weight defaults to 1.</summary>
    private ImmutableArray<(string, int, SourceLocation)> RouteNodes(MappingNode route, string router)
    {
        var result = ImmutableArray.CreateBuilder<(string, int, SourceLocation)>();
        var nodes = Find(route, "Nodes");
        if (nodes is not null && nodes.Value is not SequenceNode)
        {
            report.Warning(nodes.Value.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: router {router}: a route's Nodes must be a list; ignored");
        }

        foreach (var item in (nodes?.Value as SequenceNode)?.Items ?? [])
        {
            switch (item)
            {
                case ScalarNode s:
                    result.Add((s.Value, 1, s.Location));
                    break;
                case MappingNode m when Text(m, "Name") is { } node:
                    UnknownKeys(m, RouteNodeKeys, $"router {router}: route target {node}");
                    var weight = 1;
                    if (Find(m, "Weight")?.Value is ScalarNode w)
                    {
                        if (double.TryParse(w.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
                        {
                            weight = (int)Math.Round(parsed);
                        }
                        else
                        {
                            report.Warning(w.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: weight \"{w.Value}\" of node {node} is not a number; 1 is used");
                        }
                    }

                    result.Add((node, weight, m.Location));
                    break;
            }
        }

        return result.ToImmutable();
    }

    private VirtualServiceSpec? VirtualService(MappingNode map)
    {
        if (Text(map, "Name") is not { } name)
        {
            report.Warning(map.Location, MigrationDiagnosticCodes.MalformedValue, "x-appmesh.Settings.Services: a service without Name; skipped");
            return null;
        }

        UnknownKeys(map, ServiceKeys, $"virtual service {name}");
        var node = Text(map, "Node");
        var router = Text(map, "Router");
        if (node is not null && router is not null)
        {
            // App Mesh takes one provider per virtual service; the router is the richer one.
            report.Warning(map.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: virtual service {name} names both Node {node} and Router {router}: App Mesh allows one provider, so the Router is used and the Node ignored");
            node = null;
        }

        return new VirtualServiceSpec(name, node, router, map.Location)
        {
            CloudMap = Text(map, "x-cloudmap"),
            NameLocation = Find(map, "Name")!.Value.Location,
        };
    }

    public static MappingEntry? Find(MappingNode map, string key) =>
        map.Entries.FirstOrDefault(e => string.Equals(e.Name, key, StringComparison.OrdinalIgnoreCase));

    public static string? Text(MappingNode map, string key) => Find(map, key)?.Value is ScalarNode { IsNull: false } s ? s.Value : null;

    private int? Int(MappingNode map, string key)
    {
        if (Find(map, key)?.Value is not ScalarNode s)
        {
            return null;
        }

        if (int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535)
        {
            return value;
        }

        report.Warning(s.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: {key} \"{s.Value}\" is not a port number; skipped");
        return null;
    }
}
