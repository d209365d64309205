using System.Collections.Immutable;

namespace Compose2Ecs.Core.Mesh;

/// <summary>The backend names of <c>x-mesh.backend</c> and <c>--mesh</c>, and what the spec says about each.</summary>
public static class MeshBackends
{
    public const string AppMesh = "appmesh";
    public const string Consul = "consul";
    public const string ServiceConnect = "service-connect";
    public const string None = "none";

    public static ImmutableArray<string> All { get; } = [AppMesh, Consul, ServiceConnect, None];

    /// <summary>
    /// Ports the backend's own containers bind inside every mesh task (spec §2): an app
    /// listener or a Consul <c>local_port</c> on one of them would clash.
    /// </summary>
    public static ImmutableArray<int> ReservedPorts(string backend) => backend switch
    {
        Consul => [8300, 8301, 8302, 8500, 8501, 8502, 8503, 8600, 19000, 20000, 22000],
        AppMesh => [9901, 15000, 15001],
        _ => [],
    };

    /// <summary>Who binds the reserved ports, for error messages.</summary>
    public static string ReservedBy(string backend) => backend switch
    {
        Consul => "Consul",
        AppMesh => "App Mesh's Envoy",
        _ => backend,
    };

    /// <summary>The TLS mode when <c>tls.mode</c> is not written: always on for Consul, off otherwise (spec §1).</summary>
    public static TlsMode DefaultTlsMode(string backend) => backend == Consul ? TlsMode.Strict : TlsMode.Disabled;
}
