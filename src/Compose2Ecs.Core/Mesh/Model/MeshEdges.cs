using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A caller → upstream relation as the user sees it: a service calls a service or a route.
/// <see cref="Targets"/> resolves it to the real services that receive the traffic.
/// </summary>
public sealed record UpstreamEdge
{
    public required string Caller { get; init; }

    /// <summary>The upstream's name: a service or a route.</summary>
    public required string Upstream { get; init; }

    public required UpstreamKind Kind { get; init; }

    public required EdgeVia Via { get; init; }

    public required EdgeOrigin Origin { get; init; }

    /// <summary>The port the caller dials on the upstream's name: the service's listener, the route's port, or a plain service's first container port.</summary>
    public required int Port { get; init; }

    public required MeshProtocol Protocol { get; init; }

    /// <summary>
    /// Consul: the local bind port in the caller's task (<c>localhost:&lt;port&gt;</c> reaches the
    /// upstream). Set on every mesh edge (written, or assigned); null on direct edges.
    /// App Mesh and Service Connect ignore it: callers use the DNS name.
    /// </summary>
    public int? LocalPort { get; init; }

    /// <summary>Whether <c>local_port</c> was written (false: assigned).</summary>
    public bool IsLocalPortExplicit { get; init; }

    /// <summary>Where <c>local_port</c> is written; unknown when assigned.</summary>
    public SourceLocation LocalPortLocation { get; init; } = SourceLocation.None;

    /// <summary>The services that receive the traffic: one for a service, each distinct rule target for a route (sorted).</summary>
    public required ImmutableArray<ConcreteEdge> Targets { get; init; }

    /// <summary>The upstream entry, or the <c>depends_on</c> entry it came from.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>
/// One real connection: <paramref name="Caller"/> opens TCP to <paramref name="Target"/> on
/// <paramref name="Port"/> (its listener, or for a direct edge to a plain service, each of its
/// container ports). One security-group ingress rule per concrete edge; one Consul allow-intention.
/// </summary>
/// <param name="Route">The route the traffic goes through, or null when the caller names the target itself.</param>
public sealed record ConcreteEdge(string Caller, string Target, int Port, MeshProtocol Protocol, EdgeVia Via, string? Route);
