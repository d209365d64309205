using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// A mesh service's App Mesh resources: its virtual node (listener with its policies, Cloud Map
/// discovery, backends), the virtual services <c>&lt;service&gt;.&lt;namespace&gt;</c> and (http, http2, grpc)
/// <c>&lt;service&gt;</c> it provides, and with TLS the
/// listener certificate from the private CA. Outbound-only services get a node with backends only.
/// </summary>
public static class VirtualNodes
{
    public static IEnumerable<TemplateResource> Build(AppMeshNames names, MeshService service, string cloudMapNamespace)
    {
        var model = names.Model;
        var listener = service.Listener;
        var tls = model.Tls;
        if (listener is not null && tls.IsEnabled)
        {
            yield return new TemplateResource(AppMeshNames.CertificateId(service.Name), "AWS::CertificateManager::Certificate", new CfnMapBuilder()
                .Add("DomainName", model.DnsName(service.Name))
                .Add("CertificateAuthorityArn", tls.AcmPcaArn)
                .Build())
            { Owner = service.Name };
        }

        var spec = new CfnMapBuilder()
            .AddList("Listeners", listener is null ? [] : [Listener(service.Name, listener, tls)])
            .AddMap("ServiceDiscovery", listener is null ? null : new CfnMapBuilder()
                // The Cloud Map service by reference (the node waits for it, and its name cannot drift);
                // a private DNS namespace has no Name attribute, so the namespace stays written.
                .Add("AWSCloudMap", new CfnMapBuilder()
                    .Add("NamespaceName", cloudMapNamespace)
                    .Add("ServiceName", CfnValue.GetAtt(new ServiceIds(service.Name).Discovery, "Name"))
                    .Build())
                .Build())
            // Backends by name: a node may name a virtual service created later (or in another
            // nested stack), and callers that call each other must not depend on each other.
            .AddList("Backends", Backends(names, service).Select(name => (CfnValue)new CfnMapBuilder()
                .Add("VirtualService", new CfnMapBuilder().Add("VirtualServiceName", name).Build())
                .Build()))
            .AddMap("BackendDefaults", AppMeshValues.TlsClientPolicy(tls))
            .AddMap("Logging", AppMeshValues.Logging(model.Settings<AppMeshSettings>()))
            .Build();
        yield return new TemplateResource(AppMeshNames.VirtualNodeId(service.Name), "AWS::AppMesh::VirtualNode", names.Start()
            .Add("VirtualNodeName", names.VirtualNode(service.Name))
            .Add("Spec", spec)
            .Build())
        { Owner = service.Name };

        if (listener is not null)
        {
            var provider = new CfnMapBuilder().Add("Provider", new CfnMapBuilder()
                .Add("VirtualNode", new CfnMapBuilder().Add("VirtualNodeName", CfnValue.GetAtt(AppMeshNames.VirtualNodeId(service.Name), "VirtualNodeName")).Build())
                .Build()).Build();
            yield return new TemplateResource(AppMeshNames.VirtualServiceId(service.Name), "AWS::AppMesh::VirtualService", names.Start()
                .Add("VirtualServiceName", names.VirtualService(service.Name))
                .Add("Spec", provider)
                .Build())
            { Owner = service.Name };
            if (AppMeshNames.HasShortName(listener.Protocol))
            {
                yield return new TemplateResource(AppMeshNames.ShortVirtualServiceId(service.Name), "AWS::AppMesh::VirtualService", names.Start()
                    .Add("VirtualServiceName", service.Name)
                    .Add("Spec", provider)
                    .Build())
                { Owner = service.Name };
            }
        }
    }

    /// <summary>
    /// Each upstream's virtual service names, in upstream order, each once: callers dial the short
    /// name or the long one, and Envoy passes only what matches a backend under DROP_ALL.
    /// </summary>
    public static IEnumerable<string> Backends(AppMeshNames names, MeshService service) =>
        service.Upstreams.DistinctBy(u => u.Upstream).SelectMany(u => names.BackendNames(u.Upstream, u.Protocol)).Distinct(StringComparer.Ordinal);

    private static CfnMap Listener(string service, MeshListener listener, MeshTls tls) => new CfnMapBuilder()
        .Add("PortMapping", AppMeshValues.PortMapping(listener.Port, listener.Protocol))
        .AddMap("HealthCheck", HealthCheck(listener))
        .AddMap("Timeout", Timeout(listener))
        .AddMap("OutlierDetection", listener.OutlierDetection is { } o ? new CfnMapBuilder()
            .Add("MaxServerErrors", o.MaxServerErrors)
            .Add("Interval", AppMeshValues.Duration(o.Interval))
            .Add("BaseEjectionDuration", AppMeshValues.Duration(o.BaseEjection))
            .Add("MaxEjectionPercent", o.MaxEjectionPercent)
            .Build() : null)
        .AddMap("ConnectionPool", ConnectionPool(listener))
        .AddMap("TLS", tls.IsEnabled ? new CfnMapBuilder()
            .Add("Mode", tls.Mode == TlsMode.Strict ? "STRICT" : "PERMISSIVE")
            .Add("Certificate", new CfnMapBuilder()
                .Add("ACM", new CfnMapBuilder().Add("CertificateArn", CfnValue.Ref(AppMeshNames.CertificateId(service))).Build())
                .Build())
            .Build() : null)
        .Build();

    private static CfnMap? HealthCheck(MeshListener listener)
    {
        if (listener.HealthCheck is not { } check)
        {
            return null;
        }

        var http = listener.Protocol is MeshProtocol.Http or MeshProtocol.Http2;
        return new CfnMapBuilder()
            .Add("Protocol", AppMeshValues.Protocol(listener.Protocol))
            .Add("Port", listener.Port)
            .Add("Path", http ? check.Path ?? MeshHealthCheck.DefaultPath : null)
            .Add("IntervalMillis", (long)check.Interval.TotalMilliseconds)
            .Add("TimeoutMillis", (long)check.Timeout.TotalMilliseconds)
            .Add("HealthyThreshold", check.HealthyThreshold)
            .Add("UnhealthyThreshold", check.UnhealthyThreshold)
            .Build();
    }

    private static CfnMap? Timeout(MeshListener listener)
    {
        if (listener.Timeout is not { } timeout || (timeout.PerRequest is null && timeout.Idle is null))
        {
            return null;
        }

        var values = new CfnMapBuilder()
            .AddMap("PerRequest", listener.Protocol != MeshProtocol.Tcp && timeout.PerRequest is { } p ? AppMeshValues.Duration(p) : null)
            .AddMap("Idle", timeout.Idle is { } i ? AppMeshValues.Duration(i) : null)
            .Build();
        return new CfnMapBuilder().AddMap(AppMeshValues.ProtocolKey(listener.Protocol), values).Build();
    }

    /// <summary>Only the fields App Mesh has for the protocol; <see cref="AppMeshChecks"/> reports the rest.</summary>
    private static CfnMap? ConnectionPool(MeshListener listener)
    {
        if (listener.ConnectionPool is not { } pool)
        {
            return null;
        }

        var values = listener.Protocol switch
        {
            MeshProtocol.Http => new CfnMapBuilder().Add("MaxConnections", pool.MaxConnections).Add("MaxPendingRequests", pool.MaxPendingRequests).Build(),
            MeshProtocol.Tcp => new CfnMapBuilder().Add("MaxConnections", pool.MaxConnections).Build(),
            _ => new CfnMapBuilder().Add("MaxRequests", pool.MaxRequests).Build(),
        };
        return values.Entries.IsEmpty ? null : new CfnMapBuilder().Add(AppMeshValues.ProtocolKey(listener.Protocol), values).Build();
    }
}
