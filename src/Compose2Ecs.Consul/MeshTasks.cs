using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
        var config = ConsulConfig.Write(ConsulConfig.MeshTask(consul, mesh, checkedContainers, consul.TaskEndpoint));
        var sidecars = consul.Agent ? AgentSidecars(consul, config, checkedContainers.Count > 0) : DataplaneSidecars(consul, config);
        var proxy = consul.Agent ? ConsulEcsDefaults.SidecarProxy : ConsulEcsDefaults.Dataplane;

        var apps = task.Containers.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var updated = service.UpdateTaskDefinition(t => t
            .UpdateContainers(c => !apps.Contains(c.Name) ? c : consul.Agent
                ? c.AddDependency(ConsulEcsDefaults.MeshInit, Success).AddDependency(proxy, Healthy)
                : c.AddDependency(proxy, Healthy))
            .AddContainers(sidecars)
            .AddVolumes(new VolumePlan(ConsulEcsDefaults.DataVolume), new VolumePlan(ConsulEcsDefaults.BinaryVolume)));

        updated = MeshTags.Tag(consul, AddSecretReads(consul, updated), ConsulNames.Of(mesh.Name), gateway: false);
        return consul.Settings.Acls ? Acls.TagTaskRole(consul, updated, ConsulNames.Of(mesh.Name), gatewayKind: null) : updated;
    }

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
        yield return Client(consul);
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
        Image = consul.Settings.Images.ConsulEcs,
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
        Image = consul.Settings.Images.ConsulEcs,
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

    /// <summary>
    /// The client agent (module ≤ 0.6 consul-client): copies the consul binary for mesh-init,
    /// writes the CA, optionally logs in for its agent token, and runs the agent with
    /// retry_join, the datacenter, the gossip key, auto_encrypt TLS and leave_on_terminate.
    /// </summary>
    private static ContainerPlan Client(ConsulContext consul)
    {
        var settings = consul.Settings;
        var servers = consul.Servers;
        var retryJoin = settings.RetryJoin.IsEmpty ? [consul.DevServerHost] : settings.RetryJoin;
        var hcl = new StringBuilder()
            .Append("addresses { dns = \"127.0.0.1\", grpc = \"127.0.0.1\", http = \"127.0.0.1\" }\n")
            .Append("bind_addr = \"{{ GetPrivateIP }}\"\n")
            .Append("client_addr = \"127.0.0.1\"\n")
            .Append(CultureInfo.InvariantCulture, $"datacenter = {Quote(settings.Datacenter)}\n")
            .Append("enable_central_service_config = true\n")
            .Append("leave_on_terminate = true\n")
            .Append(CultureInfo.InvariantCulture, $"ports {{ grpc = {ConsulEcsDefaults.GrpcPort} }}\n")
            .Append(CultureInfo.InvariantCulture, $"retry_join = [{string.Join(", ", retryJoin.Select(Quote))}]\n");
        if (servers.Tls)
        {
            hcl.Append("auto_encrypt { tls = true }\n")
                .Append("ca_file = \"/consul/consul-ca-cert.pem\"\n")
                .Append("verify_outgoing = true\n");
            if (servers.TlsServerName is not null)
            {
                hcl.Append("verify_server_hostname = true\n");
            }
        }

        if (settings.Acls)
        {
            hcl.Append("acl { enabled = true, default_policy = \"deny\", down_policy = \"async-cache\" }\n");
        }

        if (settings.Partition is { } partition)
        {
            hcl.Append(CultureInfo.InvariantCulture, $"partition = {Quote(partition)}\n");
        }

        var script = new StringBuilder()
            .Append("cp /bin/consul /bin/consul-inject/consul\n");
        if (servers.Tls)
        {
            script.Append("printf '%s\\n' \"$CONSUL_CACERT_PEM\" > /consul/consul-ca-cert.pem\n");
        }

        script.Append("cat > /consul/agent-defaults.hcl <<'HCL'\n").Append(hcl).Append("HCL\n");
        var flags = new StringBuilder();
        if (settings.GossipKeySecretArn is not null)
        {
            flags.Append(" -encrypt \"$CONSUL_GOSSIP_ENCRYPTION_KEY\"");
        }

        if (settings.Acls)
        {
            // The agent token: an IAM login to the client auth method of the agent architecture (see docs/consul.md).
            var scheme = servers.Tls ? "https" : "http";
            script.Append(CultureInfo.InvariantCulture, $"until consul login -http-addr {scheme}://{servers.Hosts}:{servers.HttpPort}")
                .Append(servers.Tls ? " -ca-file /consul/consul-ca-cert.pem" : "")
                .Append(settings.Partition is { } p ? $" -partition {p}" : "")
                .Append(CultureInfo.InvariantCulture, $" -type aws -method {ConsulEcsDefaults.ClientAuthMethod} -aws-auto-bearer-token -aws-include-entity -token-sink-file /consul/client-token; do sleep 2; done\n")
                .Append("chmod 0644 /consul/client-token\n");
            flags.Append(" -hcl \"acl { tokens { agent = \\\"$(cat /consul/client-token)\\\" } }\"");
        }

        script.Append("exec consul agent -data-dir /consul/data -config-file /consul/agent-defaults.hcl").Append(flags).Append('\n');

        var secrets = ImmutableArray.CreateBuilder<ContainerSecret>();
        if (consul.CaSecret is { } ca)
        {
            secrets.Add(new ContainerSecret("CONSUL_CACERT_PEM", ca));
        }

        if (settings.GossipKeySecretArn is { } gossip)
        {
            secrets.Add(new ContainerSecret("CONSUL_GOSSIP_ENCRYPTION_KEY", gossip));
        }

        return new ContainerPlan
        {
            Name = ConsulEcsDefaults.Client,
            Image = settings.Images.Consul,
            Essential = false,
            EntryPoint = ["/bin/sh", "-ec"],
            Command = [script.ToString()],
            Secrets = secrets.ToImmutable(),
            MountPoints = [DataMount(readOnly: false), new MountPointPlan(ConsulEcsDefaults.BinaryVolume, ConsulEcsDefaults.BinaryMount, false)],
            InitProcessEnabled = true,
            Cpu = ConsulEcsDefaults.ClientCpu,
            MemoryReservationMiB = ConsulEcsDefaults.ClientMemory,
            LogStreamPrefix = ConsulEcsDefaults.Client,
        };
    }

    /// <summary>CA secrets for consul-ecs containers that talk TLS to the servers (never inline).</summary>
    public static ImmutableArray<ContainerSecret> CaSecrets(ConsulContext consul) => consul.CaSecret is { } ca
        ? [new ContainerSecret("CONSUL_HTTPS_CACERT_PEM", ca), new ContainerSecret("CONSUL_GRPC_CACERT_PEM", ca)]
        : [];

    public static MountPointPlan DataMount(bool readOnly) => new(ConsulEcsDefaults.DataVolume, ConsulEcsDefaults.BootstrapDir, readOnly);

    /// <summary>An HCL string literal (JSON escaping is valid HCL).</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
