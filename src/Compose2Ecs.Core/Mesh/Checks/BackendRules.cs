namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The rules the spec states about one backend, checked when that backend is chosen:
/// reserved ports, Consul's always-on TLS, a CA for App Mesh and Service Connect TLS, and
/// public subnets for anything published in an existing VPC. (Consul's required settings are
/// checked where they are read, in <see cref="ConsulSectionReader"/>.) What a backend cannot
/// express beyond these is its own <see cref="IMeshChecks"/>.
/// </summary>
internal sealed class BackendRules(MeshFields fields)
{
    public void Check(MeshModel model)
    {
        ReservedListenerPorts(model);
        Tls(model);
        PublicSubnets(model);
    }

    /// <summary>The backend's proxy binds these ports inside each task, so an app cannot listen on them.</summary>
    private void ReservedListenerPorts(MeshModel model)
    {
        var reserved = MeshBackends.ReservedPorts(model.Backend);
        foreach (var service in model.Services)
        {
            if (service.Listener is { } listener && reserved.Contains(listener.Port))
            {
                fields.Error(listener.PortLocation, $"services.{service.Name}",
                    $"port {listener.Port} is reserved by {MeshBackends.ReservedBy(model.Backend)} ({string.Join(", ", reserved)}) in every task; make the app listen on another port");
            }
        }
    }

    private void Tls(MeshModel model)
    {
        var tls = model.Tls;
        if (model.Backend == MeshBackends.Consul && tls.IsModeExplicit && tls.Mode == TlsMode.Disabled)
        {
            fields.Error(tls.ModeLocation, "x-mesh.tls.mode", "Consul's service mesh always uses mutual TLS and cannot disable it; remove mode, or choose another backend");
        }

        if (model.Backend is MeshBackends.AppMesh or MeshBackends.ServiceConnect && tls.IsEnabled && tls.AcmPcaArn is null)
        {
            fields.Error(tls.ModeLocation, "x-mesh.tls",
                $"mode {tls.Mode.Name()} needs acm_pca_arn: {(model.Backend == MeshBackends.AppMesh ? "App Mesh" : "Service Connect")} issues listener certificates from an ACM Private CA; set tls.acm_pca_arn, or mode: disabled");
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
            fields.Error(vpc.Location, "x-mesh.vpc",
                $"public_subnets is required: {published} is published through a load balancer, which runs in public subnets; list them, or publish nothing");
        }
    }
}
