using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// Shapes that the model allows and a task's Envoy cannot carry, each an error at the key it is
/// about: ECS's egress bypass is per port (not per destination) and holds at most 15 ports, App
/// Mesh tells TCP backends apart only by port, and a strict-TLS listener refuses the plain text a
/// service's own load balancer sends it.
/// </summary>
public static class ProxyChecks
{
    public static IEnumerable<Diagnostic> Check(MeshModel model) =>
        model.Services.SelectMany(s => EgressIgnoredPorts(model, s).Concat(TcpBackends(model, s)).Concat(StrictTlsPublished(model, s)));

    /// <summary>
    /// A direct upstream's port goes into <c>EgressIgnoredPorts</c>, which bypasses Envoy for every
    /// destination on that port: a mesh upstream on the same port would skip Envoy (a route's
    /// placeholder address times out, a node loses routing and TLS). And ECS takes at most 15.
    /// </summary>
    private static IEnumerable<Diagnostic> EgressIgnoredPorts(MeshModel model, MeshService service)
    {
        var edges = model.EdgesFrom(service.Name).ToList();
        var direct = edges.Where(e => e.Via == EdgeVia.Direct)
            .SelectMany(e => e.Targets.Select(t => (t.Port, Edge: e)))
            .ToList();
        foreach (var mesh in edges.Where(e => e.Via != EdgeVia.Direct))
        {
            if (direct.FirstOrDefault(d => d.Port == mesh.Port) is { Edge: { } plain })
            {
                yield return Error(mesh.Location, AppMeshDiagnosticCodes.AppMeshCannotCarry, $"services.{service.Name}.x-mesh.upstreams",
                    $"{mesh.Upstream} (through the mesh) and {plain.Upstream} (outside the mesh, reached directly) are both called on port {mesh.Port}, and ECS bypasses Envoy by port, not by destination: calls to {mesh.Upstream} would skip Envoy too. Move {plain.Upstream} to another port, or put it in the mesh");
            }
        }

        var ports = direct.Select(d => d.Port).Distinct().Order().ToList();
        if (ports.Count > EnvoySidecar.MaxEgressIgnoredPorts)
        {
            var last = direct.First(d => d.Port == ports[EnvoySidecar.MaxEgressIgnoredPorts]).Edge;
            yield return Error(last.Location, AppMeshDiagnosticCodes.PastAppMeshLimit, $"services.{service.Name}.x-mesh.upstreams",
                $"{service.Name} calls {ports.Count} ports outside the mesh, and ECS bypasses Envoy for at most {EnvoySidecar.MaxEgressIgnoredPorts} (EgressIgnoredPorts); put some of those services in the mesh");
        }
    }

    /// <summary>App Mesh's outbound TCP listener is per port: two TCP backends on one port cannot be told apart (aws-app-mesh-roadmap#195).</summary>
    private static IEnumerable<Diagnostic> TcpBackends(MeshModel model, MeshService service)
    {
        var tcp = model.EdgesFrom(service.Name)
            .Where(e => e.Via != EdgeVia.Direct && e.Protocol == MeshProtocol.Tcp)
            .DistinctBy(e => e.Upstream)
            .GroupBy(e => e.Port);
        foreach (var group in tcp)
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                yield return Diagnostic.Error(other.Location, AppMeshDiagnosticCodes.TcpBackendsOnOnePort,
                    $"services.{service.Name}.x-mesh.upstreams: {first.Upstream} and {other.Upstream} are both tcp on port {group.Key}, and App Mesh tells tcp backends of one node apart only by port; if they speak HTTP, say so (x-mesh.protocol: http on each, or app_protocol: http on the port: tcp is the default), else give one of them another port, or one route over both");
            }
        }
    }

    /// <summary>A published port that arrives at the listener port is handed to Envoy, which with strict TLS refuses the load balancer's plain text.</summary>
    private static IEnumerable<Diagnostic> StrictTlsPublished(MeshModel model, MeshService service)
    {
        if (model.Tls.Mode != TlsMode.Strict || service.Listener is not { } listener)
        {
            yield break;
        }

        foreach (var port in service.PublishedPorts.Where(p => p.Published is not null && p.Target == listener.Port))
        {
            yield return Error(port.Location, AppMeshDiagnosticCodes.AppMeshCannotCarry, $"services.{service.Name}.ports",
                $"with tls.mode: strict, {service.Name}'s Envoy accepts only TLS on {listener.Port}, and the load balancer of this published port sends plain text; reach {service.Name} through x-mesh.gateway instead, or set tls.mode: permissive");
        }
    }

    private static Diagnostic Error(SourceLocation at, string code, string path, string message) => Diagnostic.Error(at, code, $"{path}: {message}");
}
