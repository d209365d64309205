namespace Compose2Ecs.Core.Mesh;

/// <summary>The spelling of each enum value in the compose file, both ways, so messages and readers agree.</summary>
public static class MeshNames
{
    public static string Name(this MeshProtocol protocol) => protocol switch
    {
        MeshProtocol.Http => "http",
        MeshProtocol.Http2 => "http2",
        MeshProtocol.Grpc => "grpc",
        _ => "tcp",
    };

    public static string Name(this EgressMode mode) => mode == EgressMode.AllowAll ? "allow_all" : "drop_all";

    public static string Name(this TlsMode mode) => mode switch
    {
        TlsMode.Strict => "strict",
        TlsMode.Permissive => "permissive",
        _ => "disabled",
    };

    public static string Name(this GatewayLoadBalancer lb) => lb == GatewayLoadBalancer.Nlb ? "nlb" : "alb";

    public static string Name(this PathMatchKind kind) => kind switch
    {
        PathMatchKind.Exact => "path_exact",
        PathMatchKind.Regex => "path_regex",
        _ => "path_prefix",
    };

    public static string Name(this ValueMatchKind kind) => kind.ToString().ToLowerInvariant();

    public static readonly IReadOnlyDictionary<string, MeshProtocol> Protocols = new Dictionary<string, MeshProtocol>(StringComparer.Ordinal)
    {
        ["http"] = MeshProtocol.Http,
        ["http2"] = MeshProtocol.Http2,
        ["grpc"] = MeshProtocol.Grpc,
        ["tcp"] = MeshProtocol.Tcp,
    };

    /// <summary>
    /// compose's free-form <c>app_protocol</c> spellings that name a mesh protocol. <c>h2c</c> is
    /// HTTP/2 without TLS, which is what a mesh listener speaks to its app.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, MeshProtocol> AppProtocols = new Dictionary<string, MeshProtocol>(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = MeshProtocol.Http,
        ["http2"] = MeshProtocol.Http2,
        ["h2c"] = MeshProtocol.Http2,
        ["h2"] = MeshProtocol.Http2,
        ["grpc"] = MeshProtocol.Grpc,
        ["tcp"] = MeshProtocol.Tcp,
    };
}
