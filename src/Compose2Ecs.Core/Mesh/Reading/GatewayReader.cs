using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>A gateway route as written, before its target is resolved.</summary>
internal sealed record GatewayRouteSpec(string PathPrefix, string To, SourceLocation Location, SourceLocation ToLocation, SourceLocation PathLocation);

/// <summary>The gateway as written: load balancer and port may be left to default.</summary>
internal sealed record GatewaySpec(
    GatewayLoadBalancer? LoadBalancer,
    SourceLocation LoadBalancerLocation,
    int? Port,
    string? CertificateArn,
    ImmutableArray<GatewayRouteSpec> Routes,
    SourceLocation Location);

/// <summary>Reads <c>x-mesh.gateway</c> (spec §4).</summary>
internal sealed class GatewayReader(NodeReader fields)
{
    private const string Path = "x-mesh.gateway";

    private static readonly Dictionary<string, GatewayLoadBalancer> LoadBalancers = new(StringComparer.Ordinal)
    {
        ["alb"] = GatewayLoadBalancer.Alb,
        ["nlb"] = GatewayLoadBalancer.Nlb,
    };

    public GatewaySpec? Read(MappingEntry? entry)
    {
        if (entry is null || fields.Mapping(entry.Value, Path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, Path, MeshKeys.Gateway);
        var routes = ImmutableArray.CreateBuilder<GatewayRouteSpec>();
        if (map.Find("routes") is not { } routesEntry)
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.MissingKey, Path, "routes is required; say where requests go, such as routes: [{ path_prefix: /, to: frontend }]");
        }
        else if (routesEntry.Value is not SequenceNode { Items.Length: > 0 } seq)
        {
            fields.Error(routesEntry.Value.Location, MeshDiagnosticCodes.WrongKind, $"{Path}.routes", $"must be a non-empty list of {{ path_prefix, to }}, not {routesEntry.Value.Describe()}");
        }
        else
        {
            for (var i = 0; i < seq.Items.Length; i++)
            {
                if (Route(seq.Items[i], $"{Path}.routes[{i}]") is { } route)
                {
                    routes.Add(route);
                }
            }
        }

        return new GatewaySpec(
            map["load_balancer"] is { } lb ? fields.Choice(lb, $"{Path}.load_balancer", LoadBalancers) : null,
            map["load_balancer"]?.Location ?? entry.Key.Location,
            map["port"] is { } port ? fields.Port(port, $"{Path}.port") : null,
            map["certificate_arn"] is { } cert ? fields.Text(cert, $"{Path}.certificate_arn") : null,
            routes.ToImmutable(),
            entry.Key.Location);
    }

    private GatewayRouteSpec? Route(Node node, string path)
    {
        if (fields.Mapping(node, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.GatewayRoute);
        if (map.Find("to") is not { } to)
        {
            fields.Error(map.Location, MeshDiagnosticCodes.MissingKey, path, "to is required; name the service or route that gets these requests");
            return null;
        }

        var target = fields.Text(to.Value, $"{path}.to");
        var prefix = "/";
        if (map["path_prefix"] is { } prefixNode && fields.Text(prefixNode, $"{path}.path_prefix") is { } text)
        {
            if (!text.StartsWith('/'))
            {
                fields.Error(prefixNode.Location, MeshDiagnosticCodes.InvalidMatch, $"{path}.path_prefix", $"\"{text}\" must start with '/', such as /{text}");
            }

            OneLineText.Check(fields, prefixNode, $"{path}.path_prefix", text);

            prefix = text;
        }

        return target is null ? null : new GatewayRouteSpec(prefix, target, map.Location, to.Value.Location, map["path_prefix"]?.Location ?? map.Location);
    }
}
