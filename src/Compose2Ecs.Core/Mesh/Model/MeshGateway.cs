using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary><c>x-mesh.gateway</c> (spec §4): the way into the mesh from the load balancer.</summary>
public sealed record MeshGateway
{
    /// <summary>Default: alb when every route target speaks http, http2 or grpc; nlb when one speaks tcp.</summary>
    public required GatewayLoadBalancer LoadBalancer { get; init; }

    /// <summary>The listener port. Default: 443 with a certificate, else 80.</summary>
    public required int Port { get; init; }

    public string? CertificateArn { get; init; }

    /// <summary>In the order written; the load balancer gives longer prefixes precedence.</summary>
    public required ImmutableArray<GatewayRoute> Routes { get; init; }

    public required SourceLocation Location { get; init; }
}

/// <summary>A gateway route: requests under <paramref name="PathPrefix"/> go to a service or a route.</summary>
/// <param name="Port">The target's listener port or the route's port.</param>
public sealed record GatewayRoute(string PathPrefix, string To, UpstreamKind ToKind, int Port, MeshProtocol Protocol, SourceLocation Location)
{
    /// <summary>The services that receive the traffic: <see cref="To"/> itself, or each target of the route (sorted). The gateway's security group reaches these.</summary>
    public ImmutableArray<string> TargetServices { get; init; } = [];
}
