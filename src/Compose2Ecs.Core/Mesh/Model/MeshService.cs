using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>A compose service in the mesh: it gets a proxy, and a listener unless it is outbound-only.</summary>
public sealed record MeshService
{
    public required string Name { get; init; }

    /// <summary>Where the service's key is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where its <c>x-mesh</c> key is; the service's location when it joined the mesh by default.</summary>
    public required SourceLocation MeshLocation { get; init; }

    /// <summary>Whether the service has an <c>x-mesh</c> key (false: it joined because the project has a mesh).</summary>
    public bool IsDeclared { get; init; }

    /// <summary>The inbound listener; null for an outbound-only service.</summary>
    public MeshListener? Listener { get; init; }

    public bool IsOutboundOnly => Listener is null;

    /// <summary>
    /// What this service calls through the mesh (<see cref="EdgeVia.Mesh"/> edges only), in the
    /// order written, each with its Consul local port. The same objects appear in <see cref="MeshModel.Edges"/>.
    /// </summary>
    public ImmutableArray<UpstreamEdge> Upstreams { get; init; } = [];

    /// <summary>Whether <c>upstreams</c> was written (false: derived from <c>depends_on</c>).</summary>
    public bool UpstreamsDeclared { get; init; }

    /// <summary>The service's TCP container ports (<c>ports</c> targets, then <c>expose</c>), distinct, in order.</summary>
    public ImmutableArray<int> ContainerPorts { get; init; } = [];

    /// <summary>Ports published on the host (<c>ports: ["80:8080"]</c>): load balancer listeners when there is no gateway.</summary>
    public ImmutableArray<ServicePort> PublishedPorts { get; init; } = [];
}

/// <summary>A mesh service's inbound listener and the traffic policies attached to it.</summary>
public sealed record MeshListener
{
    /// <summary>Default: the first TCP container port.</summary>
    public required int Port { get; init; }

    /// <summary>Default: the port's <c>app_protocol</c>, else http.</summary>
    public required MeshProtocol Protocol { get; init; }

    /// <summary>Where <c>x-mesh.port</c> is; else the container port it defaulted to.</summary>
    public required SourceLocation PortLocation { get; init; }

    /// <summary>Where <c>x-mesh.protocol</c> is; else the port's <c>app_protocol</c> or the port entry.</summary>
    public required SourceLocation ProtocolLocation { get; init; }

    public MeshHealthCheck? HealthCheck { get; init; }

    public MeshTimeouts? Timeout { get; init; }

    public OutlierDetection? OutlierDetection { get; init; }

    public ConnectionPool? ConnectionPool { get; init; }
}

/// <summary>A service outside the mesh: a plain ECS service with no proxy.</summary>
public sealed record PlainService
{
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    public required PlainReason Reason { get; init; }

    /// <summary>Where <c>x-mesh: false</c> is written, for <see cref="PlainReason.OptedOut"/>.</summary>
    public SourceLocation OptOutLocation { get; init; } = SourceLocation.None;

    /// <summary>TCP container ports, distinct, in order: what direct edges open.</summary>
    public ImmutableArray<int> ContainerPorts { get; init; } = [];

    public ImmutableArray<ServicePort> PublishedPorts { get; init; } = [];
}
