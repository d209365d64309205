using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// The Consul containers of a mesh task, in either architecture, and what the app containers
/// and roles need to go with them.
/// </summary>
internal static class MeshTasks
{
    private const string Success = "SUCCESS";
    private const string Healthy = "HEALTHY";
    private const string Start = "START";

    /// <summary>A compose service's plan with its task joined to the mesh.</summary>
    public static ServicePlan Join(ConsulContext consul, ServicePlan service, MeshService mesh)
    {
        var task = service.TaskDefinition;

        // health-sync covers every essential app container with a health check (mesh-task/main.tf: defaulted_check_containers).
        var checkedContainers = task.Containers.Where(c => c.Essential && c.HealthCheck is not null).Select(c => c.Name).ToList();
        var config = ConsulConfig.Write(consul.Agent
            ? ConsulConfig.AgentMeshTask(consul, mesh, checkedContainers)
            : ConsulConfig.MeshTask(consul, mesh, checkedContainers, consul.Servers));
        var sidecars = consul.Agent ? AgentSidecars(consul, config, checkedContainers.Count > 0) : DataplaneSidecars(consul, config);
        var proxy = consul.Agent ? ConsulEcsDefaults.SidecarProxy : ConsulEcsDefaults.Dataplane;

        var apps = task.Containers.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var updated = service.UpdateTaskDefinition(t => t
            .UpdateContainers(c => !apps.Contains(c.Name) ? c : consul.Agent
                ? c.AddDependency(ConsulEcsDefaults.MeshInit, Success).AddDependency(proxy, Healthy)
                : c.AddDependency(proxy, Healthy))
            .AddContainers(sidecars)
            .AddVolumes(new VolumePlan(ConsulEcsDefaults.DataVolume), new VolumePlan(ConsulEcsDefaults.BinaryVolume)));

        updated = MeshTags.Tag(consul, AddDiscovery(consul, AddSecretReads(consul, updated)), consul.Names.Of(mesh.Name), gateway: false);
        return consul.Settings.Acls ? Acls.TagTaskRole(consul, updated, consul.Names.Of(mesh.Name), gatewayKind: null) : updated;
    }

    /// <summary>
    /// Cloud auto-join (<c>provider=aws</c> in retry_join, or <c>exec=discover … provider=aws</c>
    /// as hosts) lists instances by tag: ec2:DescribeInstances, which has no resource-level permissions.
    /// </summary>
    public static ServicePlan AddDiscovery(ConsulContext consul, ServicePlan service) => consul.DiscoversOnEc2
        ? service.AddTaskRoleStatements(new IamStatement(["ec2:DescribeInstances"], ["*"]))
        : service;

    /// <summary>The execution role may read exactly the secrets the sidecars name.</summary>
    public static ServicePlan AddSecretReads(ConsulContext consul, ServicePlan service)
    {
        var secrets = service.TaskDefinition.Containers
            .Where(c => c.Name.StartsWith("consul", StringComparison.Ordinal) || c.Name == ConsulEcsDefaults.SidecarProxy)
            .SelectMany(c => c.Secrets)
            .Select(s => s.ValueFrom)
            .Distinct()
            .ToImmutableArray();
        return secrets.IsEmpty ? service : service with
        {
            ExecutionRole = service.ExecutionRole with
            {
                Statements = service.ExecutionRole.Statements.Add(new IamStatement(["secretsmanager:GetSecretValue"], secrets)),
            },
        };
    }

    /// <summary>mesh-task 0.8+ (consul-ecs 0.10): mesh-init, consul-dataplane, health-sync.</summary>
    private static IEnumerable<ContainerPlan> DataplaneSidecars(ConsulContext consul, string config)
    {
        var images = consul.Settings.Images;
        var caSecrets = CaSecrets(consul);
        yield return MeshInit(consul, config, caSecrets, dependsOnClient: false);
        yield return new ContainerPlan
        {
            Name = ConsulEcsDefaults.Dataplane,
            Image = images.ConsulDataplane,
            Essential = false,
            User = ConsulEcsDefaults.DataplaneUser,
            EntryPoint = ConsulEcsDefaults.EnvoyEntryPoint,
            Command = ConsulEcsDefaults.DataplaneCommand,
            MountPoints = [DataMount(readOnly: true)],
            DependsOn = [new ContainerDependency(ConsulEcsDefaults.MeshInit, Success)],
            HealthCheck = new HealthCheckPlan(ConsulEcsDefaults.NetDial(ConsulEcsDefaults.ReadinessPort),
                ConsulEcsDefaults.DataplaneCheckInterval, ConsulEcsDefaults.DataplaneCheckTimeout, ConsulEcsDefaults.DataplaneCheckRetries, 0),
            Ulimits = [new UlimitPlan("nofile", ConsulEcsDefaults.NoFile, ConsulEcsDefaults.NoFile)],
            Cpu = ConsulEcsDefaults.DataplaneCpu,
            MemoryReservationMiB = ConsulEcsDefaults.DataplaneMemory,
            LogStreamPrefix = ConsulEcsDefaults.Dataplane,
        };
        yield return HealthSync(consul, config, caSecrets, dependsOnClient: false);
    }

    /// <summary>
    /// mesh-task ≤ 0.6: consul-client, mesh-init, sidecar-proxy (Envoy), and health-sync where
    /// checks or ACLs need it. Shutdown order comes from the dependencies (ECS stops a container
    /// only after the containers that depend on it): apps, then the proxy and health-sync, then
    /// mesh-init's dependents are gone and the client, which everything depends on, leaves last.
    /// </summary>
    private static IEnumerable<ContainerPlan> AgentSidecars(ConsulContext consul, string config, bool hasChecks)
    {
        var images = consul.Settings.Images;
        yield return AgentClient.Container(consul);
        yield return MeshInit(consul, config, [], dependsOnClient: true);
        yield return new ContainerPlan
        {
            Name = ConsulEcsDefaults.SidecarProxy,
            Image = images.Envoy,
            Essential = false,
            EntryPoint = ConsulEcsDefaults.EnvoyEntryPoint,
            Command = ConsulEcsDefaults.EnvoyCommand,
            MountPoints = [DataMount(readOnly: true)],
            DependsOn = [new ContainerDependency(ConsulEcsDefaults.MeshInit, Success), new ContainerDependency(ConsulEcsDefaults.Client, Start)],
            HealthCheck = new HealthCheckPlan(ConsulEcsDefaults.NetDial(ConsulEcsDefaults.PublicListenerPort),
                ConsulEcsDefaults.ProxyCheckInterval, ConsulEcsDefaults.ProxyCheckTimeout, ConsulEcsDefaults.ProxyCheckRetries, 0),
            Ulimits = [new UlimitPlan("nofile", ConsulEcsDefaults.NoFile, ConsulEcsDefaults.NoFile)],
            Cpu = ConsulEcsDefaults.DataplaneCpu,
            MemoryReservationMiB = ConsulEcsDefaults.DataplaneMemory,
            LogStreamPrefix = ConsulEcsDefaults.SidecarProxy,
        };

        // module ≤ 0.6: health_sync_enabled = checks || acls (it also logs the service token out when the task stops).
        if (hasChecks || consul.Settings.Acls)
        {
            yield return HealthSync(consul, config, [], dependsOnClient: true);
        }
    }

    /// <summary>consul-ecs-mesh-init; the API gateway task uses it too.</summary>
    internal static ContainerPlan MeshInit(ConsulContext consul, string config, ImmutableArray<ContainerSecret> secrets, bool dependsOnClient) => new()
    {
        Name = ConsulEcsDefaults.MeshInit,
        Image = dependsOnClient ? consul.MeshTaskConsulEcsImage : consul.Settings.Images.ConsulEcs,
        Essential = false,
        Command = ConsulEcsDefaults.MeshInitCommand,
        Environment = [new ContainerEnvironment("CONSUL_ECS_CONFIG_JSON", config)],
        Secrets = secrets,
        MountPoints = [DataMount(readOnly: false), new MountPointPlan(ConsulEcsDefaults.BinaryVolume, ConsulEcsDefaults.BinaryMount, true)],
        InitProcessEnabled = true,
        DependsOn = dependsOnClient ? [new ContainerDependency(ConsulEcsDefaults.Client, Start)] : [],
        Cpu = ConsulEcsDefaults.InitCpu,
        MemoryReservationMiB = ConsulEcsDefaults.InitMemory,
        LogStreamPrefix = ConsulEcsDefaults.MeshInit,
    };

    /// <summary>consul-ecs-health-sync; the API gateway task uses it too.</summary>
    internal static ContainerPlan HealthSync(ConsulContext consul, string config, ImmutableArray<ContainerSecret> secrets, bool dependsOnClient) => new()
    {
        Name = ConsulEcsDefaults.HealthSync,
        Image = dependsOnClient ? consul.MeshTaskConsulEcsImage : consul.Settings.Images.ConsulEcs,
        Essential = false,
        Command = ConsulEcsDefaults.HealthSyncCommand,
        User = ConsulEcsDefaults.HealthSyncUser,
        Environment = [new ContainerEnvironment("CONSUL_ECS_CONFIG_JSON", config)],
        Secrets = secrets,
        MountPoints = [DataMount(readOnly: true)],
        InitProcessEnabled = true,
        DependsOn = dependsOnClient
            ? [new ContainerDependency(ConsulEcsDefaults.MeshInit, Success), new ContainerDependency(ConsulEcsDefaults.Client, Start)]
            : [new ContainerDependency(ConsulEcsDefaults.MeshInit, Success)],
        Cpu = ConsulEcsDefaults.HealthSyncCpu,
        MemoryReservationMiB = ConsulEcsDefaults.HealthSyncMemory,
        LogStreamPrefix = ConsulEcsDefaults.HealthSync,
    };

    /// <summary>CA secrets for consul-ecs containers that talk TLS to the servers (never inline).</summary>
    public static ImmutableArray<ContainerSecret> CaSecrets(ConsulContext consul) => consul.CaSecret is { } ca
        ? [new ContainerSecret("CONSUL_HTTPS_CACERT_PEM", ca), new ContainerSecret("CONSUL_GRPC_CACERT_PEM", ca)]
        : [];

    public static MountPointPlan DataMount(bool readOnly) => new(ConsulEcsDefaults.DataVolume, ConsulEcsDefaults.BootstrapDir, readOnly);
}
