using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Compose.Ports;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads one service's <c>x-mesh</c> (spec §2) and decides whether it is in the mesh, with
/// its listener defaulted from its container ports. Upstreams are only parsed here; they are
/// resolved once every service and route is known.
/// </summary>
internal sealed class ServiceReader(NodeReader fields, ComposeProject project, IReadOnlyDictionary<string, MeshProtocol> reachedByHttp)
{
    public ServiceDraft Read(ComposeService service, bool projectHasMesh)
    {
        var containerPorts = ContainerPorts(service);
        ImmutableArray<ServicePort> published = [.. service.Ports.Where(p => p.Published is not null)];
        var plain = new PlainService
        {
            Name = service.Name,
            Location = service.Location,
            Reason = PlainReason.NoMesh,
            ContainerPorts = containerPorts,
            PublishedPorts = published,
        };

        var path = $"services.{service.Name}.x-mesh";
        var entry = service.Node.Find("x-mesh");
        if (entry is null)
        {
            if (!projectHasMesh)
            {
                return new ServiceDraft(service, null, plain, null);
            }

            if (containerPorts.IsEmpty)
            {
                return new ServiceDraft(service, null, plain with { Reason = PlainReason.NoPort }, null);
            }

            var implicitMesh = Mesh(service, containerPorts, published, service.Location, isDeclared: false);
            var implicitListener = DefaultListener(service, containerPorts, path);
            return new ServiceDraft(service, implicitMesh with { Listener = implicitListener }, null, null);
        }

        MappingNode map;
        switch (entry.Value)
        {
            case ScalarNode scalar when CoreSchema.TryGetBool(scalar.Value, out var join):
                if (!join)
                {
                    return new ServiceDraft(service, null, plain with { Reason = PlainReason.OptedOut, OptOutLocation = entry.Key.Location }, null);
                }

                map = MappingNode.Empty(entry.Value.Location);
                break;
            case ScalarNode { IsNull: true }:
                map = MappingNode.Empty(entry.Value.Location);
                break;
            case MappingNode mapping:
                map = mapping;
                break;
            default:
                fields.Error(entry.Value.Location, MeshDiagnosticCodes.WrongKind, path, $"must be a mapping, true, or false (to leave the mesh), not {entry.Value.Describe()}");
                return new ServiceDraft(service, null, plain with { Reason = PlainReason.OptedOut, OptOutLocation = entry.Key.Location }, null);
        }

        fields.KnownKeys(map, path, MeshKeys.Service);
        var mesh = Mesh(service, containerPorts, published, entry.Key.Location, isDeclared: true);
        var upstreams = map.Find("upstreams") is { } upstreamsEntry ? new UpstreamListReader(fields).Read(upstreamsEntry.Value, $"{path}.upstreams") : null;
        mesh = mesh with
        {
            Listener = Listener(service, map, containerPorts, path),
            UpstreamsDeclared = map.Contains("upstreams"),
        };
        return new ServiceDraft(service, mesh, null, map.Contains("upstreams") ? upstreams ?? [] : null);
    }

    internal static MeshService Mesh(ComposeService service, ImmutableArray<int> containerPorts, ImmutableArray<ServicePort> published, SourceLocation meshLocation, bool isDeclared) => new()
    {
        Name = service.Name,
        Location = service.Location,
        MeshLocation = meshLocation,
        IsDeclared = isDeclared,
        ContainerPorts = containerPorts,
        PublishedPorts = published,
    };

    /// <summary>TCP targets of <c>ports</c>, then <c>expose</c>, else the image's well-known port, else ports callers name: the ports a listener can be on.</summary>
    private ImmutableArray<int> ContainerPorts(ComposeService service) => ServicePorts.Tcp(service, project);

    private MeshListener DefaultListener(ComposeService service, ImmutableArray<int> containerPorts, string path)
    {
        var port = containerPorts[0];
        var portLocation = service.Ports.FirstOrDefault(p => p.Target == port)?.Location ?? service.Location;
        var (protocol, protocolLocation) = DefaultProtocol(service, port, portLocation, path);
        return new MeshListener { Port = port, PortLocation = portLocation, Protocol = protocol, ProtocolLocation = protocolLocation };
    }

    private MeshListener? Listener(ComposeService service, MappingNode map, ImmutableArray<int> containerPorts, string path)
    {
        var outboundOnly = map["outbound_only"] is { } ob && (fields.Bool(ob, $"{path}.outbound_only") ?? false);
        if (outboundOnly)
        {
            foreach (var key in MeshKeys.ListenerOnly)
            {
                if (map.Find(key) is { } listenerKey)
                {
                    fields.Error(listenerKey.Key.Location, MeshDiagnosticCodes.ConflictingKeys, $"{path}.{key}", "outbound_only: true means the service has no listener; remove this key, or remove outbound_only");
                }
            }

            return null;
        }

        int port;
        SourceLocation portLocation;
        if (map.Find("port") is { } portEntry)
        {
            // An unreadable port is reported; the first container port stands in so that one typo
            // does not also make the service outbound-only and flood its callers with errors.
            var readPort = fields.Port(portEntry.Value, $"{path}.port");
            if (readPort is null && containerPorts.IsEmpty)
            {
                return null;
            }

            var explicitPort = readPort ?? containerPorts[0];
            if (readPort is not null && !containerPorts.IsEmpty && !containerPorts.Contains(explicitPort))
            {
                fields.Error(portEntry.Value.Location, MeshDiagnosticCodes.NotReachable, $"{path}.port",
                    $"{explicitPort} is not a container port of {service.Name} ({string.Join(", ", containerPorts)}); use one of them, or add {explicitPort} to the service's expose");
            }

            (port, portLocation) = (explicitPort, portEntry.Value.Location);
        }
        else if (!containerPorts.IsEmpty)
        {
            (port, portLocation) = (containerPorts[0], service.Ports.FirstOrDefault(p => p.Target == containerPorts[0])?.Location ?? service.Location);
        }
        else
        {
            // No port anywhere: an outbound-only service (spec §2), so listener settings have nothing to apply to.
            foreach (var key in MeshKeys.ListenerOnly)
            {
                if (map.Find(key) is { } listenerKey)
                {
                    fields.Error(listenerKey.Key.Location, MeshDiagnosticCodes.NotReachable, $"{path}.{key}",
                        $"{service.Name} has no container port, so it has no listener; set x-mesh.port (or ports/expose on the service), or remove {key}");
                }
            }

            return null;
        }

        var protocolEntry = map.Find("protocol");
        var (protocol, protocolLocation) = protocolEntry is not null
            ? (fields.Choice(protocolEntry.Value, $"{path}.protocol", MeshNames.Protocols) ?? MeshProtocol.Http, protocolEntry.Value.Location)
            : DefaultProtocol(service, port, portLocation, path, map);

        var policies = new PolicyReader(fields);
        return new MeshListener
        {
            Port = port,
            PortLocation = portLocation,
            Protocol = protocol,
            ProtocolLocation = protocolLocation,
            HealthCheck = map.Find("health_check") is { } hc ? policies.HealthCheck(hc, $"{path}.health_check", protocol) : null,
            Timeout = map.Find("timeout") is { } to ? policies.Timeouts(to, $"{path}.timeout", protocol) : null,
            OutlierDetection = map.Find("outlier_detection") is { } od ? policies.OutlierDetection(od, $"{path}.outlier_detection") : null,
            ConnectionPool = map.Find("connection_pool") is { } cp ? policies.ConnectionPool(cp, $"{path}.connection_pool", protocol) : null,
        };
    }

    /// <summary>
    /// The port's <c>app_protocol</c> when it names a mesh protocol; else the protocol the gateway or
    /// an L7 route rule reaches the service by (<see cref="DefaultProtocols"/>); else http when the
    /// service's own x-mesh writes settings only HTTP has (a health-check path, a per-request timeout,
    /// request limits); else tcp (spec §2).
    /// </summary>
    private (MeshProtocol, SourceLocation) DefaultProtocol(ComposeService service, int port, SourceLocation portLocation, string path, MappingNode? map = null)
    {
        var declared = service.Ports.FirstOrDefault(p => p.Target == port && p.AppProtocol is not null);
        if (declared?.AppProtocol is { } appProtocol)
        {
            if (MeshNames.AppProtocols.TryGetValue(appProtocol, out var fromApp))
            {
                return (fromApp, declared.Location);
            }

            fields.Error(declared.Location, MeshDiagnosticCodes.NotAChoice, $"services.{service.Name}.ports",
                $"app_protocol \"{appProtocol}\" of port {port} is not a mesh protocol (http, http2, grpc, tcp); set x-mesh.protocol on the service");
            return (MeshProtocol.Tcp, declared.Location);
        }

        if (reachedByHttp.TryGetValue(service.Name, out var reached))
        {
            return (reached, portLocation);
        }

        return (map is not null && WritesHttpSettings(map) ? MeshProtocol.Http : MeshProtocol.Tcp, portLocation);
    }

    /// <summary>Settings that exist only for requests: written, they say the listener speaks HTTP.</summary>
    private static bool WritesHttpSettings(MappingNode map) =>
        (map["health_check"] as MappingNode)?.Contains("path") == true
        || (map["timeout"] as MappingNode)?.Contains("per_request") == true
        || map["connection_pool"] is MappingNode pool && (pool.Contains("max_pending_requests") || pool.Contains("max_requests"));
}
