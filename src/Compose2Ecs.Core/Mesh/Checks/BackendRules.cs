using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The rules the spec states about the chosen backend, checked while reading: its reserved
/// ports, the rules of its <see cref="MeshBackendSpec"/> (Consul's always-on TLS, a CA for
/// App Mesh TLS, …), and public subnets for anything published in an existing VPC. What a
/// backend cannot express beyond these is its own <see cref="IMeshChecks"/>.
/// </summary>
internal sealed class BackendRules(NodeReader fields, MeshBackendSpec backend)
{
    public void Check(MeshModel model)
    {
        ReservedListenerPorts(model);
        fields.Diagnostics.AddRange(backend.Rules(model));
        PublicSubnets(model);
    }

    /// <summary>The backend's proxy binds these ports inside each task, so an app cannot listen on them.</summary>
    private void ReservedListenerPorts(MeshModel model)
    {
        var reserved = backend.ReservedPorts;
        foreach (var service in model.Services)
        {
            if (service.Listener is { } listener && reserved.Contains(listener.Port))
            {
                fields.Error(listener.PortLocation, MeshDiagnosticCodes.ReservedPort, $"services.{service.Name}",
                    $"port {listener.Port} is reserved by {backend.ReservedBy} ({string.Join(", ", reserved)}) in every task; make the app listen on another port");
            }
        }
    }

    /// <summary>A load balancer lives in public subnets: an existing VPC must name them when anything is published.</summary>
    private void PublicSubnets(MeshModel model)
    {
        if (model.Vpc is not { PublicSubnets.IsEmpty: true } vpc)
        {
            return;
        }

        var published = model.Gateway is not null ? "the gateway" : model.PublishedPorts.Select(p => p.Service).FirstOrDefault();
        if (published is not null)
        {
            fields.Error(vpc.Location, MeshDiagnosticCodes.PublicSubnetsRequired, "x-mesh.vpc",
                $"public_subnets is required: {published} is published through a load balancer, which runs in public subnets; list them, or publish nothing");
        }
    }
}
