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
    /// <summary>Route lists of another protocol than the listener's, for the report.</summary>
    public ImmutableArray<MappingEntry> OtherRoutes { get; init; } = [];
}

/// <summary>One ComposeX route: a match (http: Prefix, Method, Scheme…; grpc: ServiceName, MethodName) and weighted nodes.</summary>
internal sealed record RouteSpec(MappingNode? Match, ImmutableArray<(string Node, int Weight, SourceLocation Location)> Nodes, SourceLocation Location);

internal sealed record VirtualServiceSpec(string Name, string? Node, string? Router, SourceLocation Location)
{
    public string? CloudMap { get; init; }
}

/// <summary>Reads <c>x-appmesh</c>; anything it cannot read is reported and skipped.</summary>
internal sealed class AppMeshSpecReader(DiagnosticBag report)
{
    public AppMeshSpec Read(MappingEntry section)
    {
        if (section.Value is not MappingNode root)
        {
            throw new InvalidInputException(section.Key.Location, "x-appmesh: expected a mapping with Properties and Settings");
        }

        var unmapped = ImmutableArray.CreateBuilder<MappingEntry>();
        MappingNode? properties = null;
        MappingNode? settings = null;
        foreach (var entry in root.Entries)
        {
            switch (entry.Name.ToLowerInvariant())
            {
                case "properties":
                    properties = entry.Value as MappingNode;
                    break;
                case "settings":
                    settings = entry.Value as MappingNode;
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

        return new AppMeshSpec { Properties = properties, Nodes = nodes, Routers = routers, Services = services, Unmapped = unmapped.ToImmutable() };
    }

    private IEnumerable<MappingNode> Items(MappingEntry entry)
    {
        if (entry.Value is not SequenceNode list)
        {
            report.Warning(entry.Key.Location, $"x-appmesh.Settings.{entry.Name}: expected a list; skipped");
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
                report.Warning(item.Location, $"x-appmesh.Settings.{entry.Name}: expected a mapping with Name; skipped");
            }
        }
    }

    private NodeSpec? Node(MappingNode map)
    {
        if (Text(map, "Name") is not { } name)
        {
            report.Warning(map.Location, "x-appmesh.Settings.Nodes: a node without Name; skipped");
            return null;
        }

        var backends = Find(map, "Backends")?.Value is SequenceNode list
            ? list.Items.OfType<ScalarNode>().Select(s => (s.Value, s.Location)).ToImmutableArray()
            : [];
        return new NodeSpec(name, Text(map, "Protocol"), Int(map, "Port"), backends, map.Location)
        {
            HasBackends = Find(map, "Backends") is not null,
            ProtocolLocation = Find(map, "Protocol")?.Value.Location ?? map.Location,
            PortLocation = Find(map, "Port")?.Value.Location ?? map.Location,
        };
    }

    private RouterSpec? Router(MappingNode map)
    {
        if (Text(map, "Name") is not { } name)
        {
            report.Warning(map.Location, "x-appmesh.Settings.Routers: a router without Name; skipped");
            return null;
        }

        var listener = Find(map, "Listener")?.Value as MappingNode;
        var protocol = listener is null ? null : Text(listener, "Protocol");
        var port = listener is null ? null : Int(listener, "Port");
        var routes = ImmutableArray.CreateBuilder<RouteSpec>();
        var other = ImmutableArray.CreateBuilder<MappingEntry>();
        if (Find(map, "Routes")?.Value is MappingNode lists)
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

                foreach (var item in (entry.Value as SequenceNode)?.Items ?? [])
                {
                    if (item is MappingNode route)
                    {
                        routes.Add(new RouteSpec(Find(route, "Match")?.Value as MappingNode, RouteNodes(route), route.Location));
                    }
                }
            }
        }

        return new RouterSpec(name, port, protocol, routes.ToImmutable(), map.Location) { OtherRoutes = other.ToImmutable() };
    }

    /// <summary><c>Nodes: [{Name, Weight}]</c>, or the older <c>nodes: [app01]</c>. Weight defaults to 1.</summary>
    private ImmutableArray<(string, int, SourceLocation)> RouteNodes(MappingNode route)
    {
        var result = ImmutableArray.CreateBuilder<(string, int, SourceLocation)>();
        foreach (var item in (Find(route, "Nodes")?.Value as SequenceNode)?.Items ?? [])
        {
            switch (item)
            {
                case ScalarNode s:
                    result.Add((s.Value, 1, s.Location));
                    break;
                case MappingNode m when Text(m, "Name") is { } node:
                    var weight = 1;
                    if (Find(m, "Weight")?.Value is ScalarNode w)
                    {
                        if (double.TryParse(w.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
                        {
                            weight = (int)Math.Round(parsed);
                        }
                        else
                        {
                            report.Warning(w.Location, $"x-appmesh: weight \"{w.Value}\" of node {node} is not a number; 1 is used");
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
            report.Warning(map.Location, "x-appmesh.Settings.Services: a service without Name; skipped");
            return null;
        }

        return new VirtualServiceSpec(name, Text(map, "Node"), Text(map, "Router"), map.Location) { CloudMap = Text(map, "x-cloudmap") };
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

        report.Warning(s.Location, $"x-appmesh: {key} \"{s.Value}\" is not a port number; skipped");
        return null;
    }
}
