using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>Small App Mesh value shapes shared by nodes, routes and gateways.</summary>
public static class AppMeshValues
{
    /// <summary>An App Mesh <c>Duration</c>: whole seconds as <c>s</c>, anything finer as <c>ms</c>.</summary>
    public static CfnMap Duration(TimeSpan span)
    {
        var ms = (long)span.TotalMilliseconds;
        return ms % 1000 == 0
            ? new CfnMapBuilder().Add("Unit", "s").Add("Value", ms / 1000).Build()
            : new CfnMapBuilder().Add("Unit", "ms").Add("Value", ms).Build();
    }

    /// <summary>The protocol word of a listener or port mapping.</summary>
    public static string Protocol(MeshProtocol protocol) => protocol.Name();

    /// <summary>The key of a protocol in a listener's <c>Timeout</c> and <c>ConnectionPool</c> (<c>HTTP</c>, <c>HTTP2</c>, <c>GRPC</c>, <c>TCP</c>).</summary>
    public static string ProtocolKey(MeshProtocol protocol) => protocol switch
    {
        MeshProtocol.Http => "HTTP",
        MeshProtocol.Http2 => "HTTP2",
        MeshProtocol.Grpc => "GRPC",
        _ => "TCP",
    };

    public static CfnMap PortMapping(int port, MeshProtocol protocol) =>
        new CfnMapBuilder().Add("Port", port).Add("Protocol", Protocol(protocol)).Build();

    /// <summary>Client policy that validates upstream certificates against the mesh's private CA (TLS on).</summary>
    public static CfnMap? TlsClientPolicy(MeshTls tls) => tls.IsEnabled && tls.AcmPcaArn is { } pca
        ? new CfnMapBuilder().Add("ClientPolicy", new CfnMapBuilder()
            .Add("TLS", new CfnMapBuilder()
                .Add("Validation", new CfnMapBuilder()
                    .Add("Trust", new CfnMapBuilder()
                        .Add("ACM", new CfnMapBuilder().AddList("CertificateAuthorityArns", [pca]).Build())
                        .Build())
                    .Build())
                .Build())
            .Build()).Build()
        : null;

    /// <summary>Envoy's access log to a file (<c>appmesh.access_log</c>), or null.</summary>
    public static CfnMap? Logging(AppMeshSettings settings) => settings.AccessLog is { } path
        ? new CfnMapBuilder().Add("AccessLog", new CfnMapBuilder().Add("File", new CfnMapBuilder().Add("Path", path).Build()).Build()).Build()
        : null;
}
