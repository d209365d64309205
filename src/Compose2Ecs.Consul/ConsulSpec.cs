using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>What the mesh reader knows about Consul (spec §1, §2, §6): the seam's Consul side.</summary>
public static class ConsulSpec
{
    public const string Name = "consul";

    public static MeshBackendSpec Spec { get; } = new(Name)
    {
        Section = ConsulSectionReader.Section,

        // Server RPC/Serf/HTTP(S)/gRPC/DNS, Envoy admin, the sidecar's public listener and the dataplane's.
        ReservedPorts = [8300, 8301, 8302, 8500, 8501, 8502, 8503, 8600, 19000, 20000, 22000],
        ReservedBy = "Consul",

        // Consul's service mesh is mutual TLS, always (spec §1).
        DefaultTlsMode = TlsMode.Strict,

        // Fargate gives no NET_ADMIN, so no transparent proxy: apps dial localhost:<local_port>.
        DialsUpstreamsOnLocalhost = true,
        Rules = Rules,
    };

    private static IEnumerable<Diagnostic> Rules(MeshModel model)
    {
        if (model.Tls is { IsModeExplicit: true, Mode: TlsMode.Disabled } tls)
        {
            yield return Diagnostic.Error(tls.ModeLocation, ConsulDiagnosticCodes.TlsAlwaysOn,
                "x-mesh.tls.mode: Consul's service mesh always uses mutual TLS and cannot disable it; remove mode, or choose another backend");
        }
    }
}
