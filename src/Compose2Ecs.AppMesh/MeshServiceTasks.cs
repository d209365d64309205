using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>A mesh service's ECS side: the Envoy sidecar, the proxy configuration, Cloud Map registration, and its roles.</summary>
public static class MeshServiceTasks
{
    public static ServicePlan Apply(ServicePlan plan, MeshService service, MeshModel model)
    {
        var nodeArn = CfnValue.GetAtt(AppMeshNames.VirtualNodeId(service.Name), "Arn");
        var settings = model.Settings<AppMeshSettings>();
        var directPorts = model.EdgesFrom(service.Name)
            .Where(e => e.Via == EdgeVia.Direct)
            .SelectMany(e => e.Targets)
            .Select(t => t.Port);

        plan = plan.UpdateTaskDefinition(task => task
            .UpdateContainers(c => c.DependsOn.Any(d => d.ContainerName == EnvoySidecar.ContainerName) ? c : c.AddDependency(EnvoySidecar.ContainerName, "HEALTHY"))
            .AddContainers([EnvoySidecar.Container(settings, EnvoySizing.Cpu(model, task.Containers), nodeArn), .. EnvoyTelemetry.Sidecars(settings)]) with
        {
            ProxyConfiguration = EnvoySidecar.ProxyConfiguration(service.Listener, directPorts, service.ContainerPorts),
        });

        // App Mesh finds a node's tasks in Cloud Map: a listener needs the registration even when
        // the compose service declares no port (the base registers only services with ports).
        if (service.Listener is not null && plan.Discovery is null)
        {
            plan = plan with
            {
                Discovery = new DiscoveryPlan(service.Name),
                EcsService = plan.EcsService with
                {
                    ServiceRegistries = plan.EcsService.ServiceRegistries.Add(new ServiceRegistryPlan(CfnValue.GetAtt(plan.Ids.Discovery, "Arn"))),
                },
            };
        }

        var taskStatements = new List<IamStatement> { EnvoySidecar.StreamAggregatedResources(nodeArn) };
        taskStatements.AddRange(EnvoyTelemetry.TaskStatements(settings));
        taskStatements.AddRange(TlsStatements(model.Tls, service.Listener is null ? null : CfnValue.Ref(AppMeshNames.CertificateId(service.Name))));
        return plan with
        {
            TaskRole = EnvoySidecar.AddDistinct(plan.TaskRole, taskStatements),
            ExecutionRole = EnvoySidecar.AddDistinct(plan.ExecutionRole, EnvoyImage.PullStatements(settings.EnvoyImage)),
        };
    }

    /// <summary>
    /// With TLS, Envoy exports its own listener certificate (and private key) from ACM, and reads
    /// the CA certificate to validate the certificates of what it calls.
    /// </summary>
    public static IEnumerable<IamStatement> TlsStatements(MeshTls tls, CfnValue? certificate)
    {
        if (!tls.IsEnabled || tls.AcmPcaArn is not { } pca)
        {
            yield break;
        }

        if (certificate is not null)
        {
            yield return new IamStatement(["acm:ExportCertificate"], [certificate]);
        }

        yield return new IamStatement(["acm-pca:GetCertificateAuthorityCertificate"], [pca]);
    }
}
