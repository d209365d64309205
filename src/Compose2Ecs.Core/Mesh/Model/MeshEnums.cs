namespace Compose2Ecs.Core.Mesh;

/// <summary>The protocol of a listener, a route or an edge.</summary>
public enum MeshProtocol
{
    Http,
    Http2,
    Grpc,
    Tcp,
}

/// <summary><c>x-mesh.egress</c>: what a mesh service may reach outside its declared upstreams.</summary>
public enum EgressMode
{
    /// <summary>Only declared upstreams (App Mesh <c>DROP_ALL</c>, Consul default-deny intentions).</summary>
    DropAll,

    AllowAll,
}

/// <summary><c>x-mesh.tls.mode</c>.</summary>
public enum TlsMode
{
    Disabled,
    Permissive,
    Strict,
}

/// <summary>What an upstream names.</summary>
public enum UpstreamKind
{
    Service,
    Route,
}

/// <summary>How a caller reaches an upstream.</summary>
public enum EdgeVia
{
    /// <summary>Through the mesh: both ends have a proxy; the edge is a mesh upstream (backend, intention, client alias).</summary>
    Mesh,

    /// <summary>
    /// Straight to the target's container ports, outside the mesh: an edge that touches a plain
    /// service (or a project with no mesh). It still opens the security group.
    /// </summary>
    Direct,
}

/// <summary>Where an edge came from.</summary>
public enum EdgeOrigin
{
    /// <summary>Written in <c>x-mesh.upstreams</c>.</summary>
    Declared,

    /// <summary>Derived from <c>depends_on</c>.</summary>
    DependsOn,

    /// <summary>Derived from an address the caller's environment names (<c>API_URL=http://api:8080</c>), with no <c>depends_on</c> saying it.</summary>
    Environment,
}

/// <summary>Why a service is not in the mesh.</summary>
public enum PlainReason
{
    /// <summary><c>x-mesh: false</c>.</summary>
    OptedOut,

    /// <summary>The project has no mesh: no top-level <c>x-mesh</c> and no backend chosen.</summary>
    NoMesh,

    /// <summary>No <c>x-mesh</c> key and no TCP container port: nothing for a mesh to route to.</summary>
    NoPort,
}

public enum PathMatchKind
{
    Prefix,
    Exact,
    Regex,
}

/// <summary>How a header or query parameter is matched.</summary>
public enum ValueMatchKind
{
    Exact,
    Prefix,
    Suffix,
    Regex,
    Present,
}

public enum GatewayLoadBalancer
{
    Alb,
    Nlb,
}
