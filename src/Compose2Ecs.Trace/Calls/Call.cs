using System.Collections.Immutable;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Trace.Calls;

/// <summary>Why the application makes a call.</summary>
public enum CallSource
{
    /// <summary>An upstream the service declares (or the mesh derived from depends_on).</summary>
    Upstream,

    /// <summary>A depends_on entry (a direct connection, outside the mesh).</summary>
    DependsOn,

    /// <summary>An address in an environment value of the app container.</summary>
    Environment,

    /// <summary>A load balancer listener forwarding to a service (the gateway, a published port).</summary>
    LoadBalancer,
}

/// <summary>
/// One call the application makes: <paramref name="Caller"/> opens a connection to
/// <paramref name="Host"/>:<paramref name="Port"/> meaning <paramref name="Upstream"/> (a service or
/// a route), whose traffic reaches <paramref name="Targets"/>.
/// </summary>
/// <param name="Protocol">What really goes over the connection (a postgres URL is tcp, whatever the listener says).</param>
/// <param name="Evidence">What the call comes from: <c>API_URL=http://api:8080</c>, <c>depends_on</c>, <c>upstream</c>.</param>
/// <param name="Mesh">Whether the model routes this call through the mesh (a mesh edge).</param>
public sealed record Call(
    string Caller,
    string Upstream,
    ImmutableArray<string> Targets,
    string Host,
    int Port,
    MeshProtocol Protocol,
    CallSource Source,
    string Evidence,
    bool Mesh)
{
    /// <summary>Whether the app dials a local address (Consul's upstream listener).</summary>
    public bool IsLocal => Host is "localhost" or "127.0.0.1";
}
