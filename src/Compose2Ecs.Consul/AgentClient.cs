using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Consul;

/// <summary>
/// Agent mode's <c>consul-client</c> container, after mesh-task v0.6.2
/// (templates/consul_client_command.tpl and consul_agent_defaults.hcl.tpl): it copies the consul
/// binary for mesh-init, reads its IP, region, task and cluster from the task metadata, writes
/// the CAs, with ACLs logs in to the client auth method (and waits until the servers know the
/// token), then runs the agent. Every compose value enters the script through <see cref="Shell.Quote"/>.
/// </summary>
internal static class AgentClient
{
    public static ContainerPlan Container(ConsulContext consul)
    {
        var settings = consul.Settings;
        var secrets = ImmutableArray.CreateBuilder<ContainerSecret>();
        if (consul.CaSecret is { } ca)
        {
            secrets.Add(new ContainerSecret("CONSUL_CACERT_PEM", ca));
            if (settings.Acls)
            {
                secrets.Add(new ContainerSecret("CONSUL_HTTPS_CACERT_PEM", ca));
            }
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
            Command = [Script(consul)],
            Secrets = secrets.ToImmutable(),
            MountPoints = [MeshTasks.DataMount(readOnly: false), new MountPointPlan(ConsulEcsDefaults.BinaryVolume, ConsulEcsDefaults.BinaryMount, false)],
            InitProcessEnabled = true,
            Cpu = ConsulEcsDefaults.ClientCpu,
            MemoryReservationMiB = ConsulEcsDefaults.ClientMemory,
            LogStreamPrefix = ConsulEcsDefaults.Client,
        };
    }

    public static string Script(ConsulContext consul)
    {
        var settings = consul.Settings;
        var tls = consul.Servers.Tls;
        var httpsCa = settings.Acls && consul.CaSecret is not null;
        var script = new StringBuilder()
            .Append("cp /bin/consul /bin/consul-inject/consul\n")
            .Append("ECS_IPV4=$(curl -s \"$ECS_CONTAINER_METADATA_URI_V4\" | jq -r '.Networks[0].IPv4Addresses[0]')\n")
            .Append("ECS_TASK_META=$(curl -s \"$ECS_CONTAINER_METADATA_URI_V4/task\")\n")
            .Append("TASK_REGION=$(echo \"$ECS_TASK_META\" | jq -r .TaskARN | cut -d ':' -f 4)\n")
            .Append("TASK_ID=$(echo \"$ECS_TASK_META\" | jq -r .TaskARN | cut -d '/' -f 3)\n")
            .Append("CLUSTER_ARN=$(echo \"$ECS_TASK_META\" | jq -r .TaskARN | sed -E 's|:task/([^/]+).*|:cluster/\\1|')\n");
        if (tls && consul.CaSecret is not null)
        {
            script.Append(CultureInfo.InvariantCulture, $"printf '%s\\n' \"$CONSUL_CACERT_PEM\" > {ConsulEcsDefaults.CaFile}\n");
        }

        if (httpsCa)
        {
            script.Append(CultureInfo.InvariantCulture, $"printf '%s\\n' \"$CONSUL_HTTPS_CACERT_PEM\" > {ConsulEcsDefaults.HttpsCaFile}\n");
        }

        var agentFlags = new StringBuilder(" -advertise \"$ECS_IPV4\"");
        if (settings.GossipKeySecretArn is not null)
        {
            agentFlags.Append(" -encrypt \"$CONSUL_GOSSIP_ENCRYPTION_KEY\"");
        }

        if (tls)
        {
            agentFlags.Append(" -hcl \"auto_encrypt { ip_san = [\\\"$ECS_IPV4\\\"] }\"");
        }

        if (settings.Acls)
        {
            var addr = Shell.Quote(consul.ServersHttpAddr);
            var caFlag = httpsCa ? $" -ca-file {ConsulEcsDefaults.HttpsCaFile}" : "";
            script.Append("consul_login() {\n")
                .Append(CultureInfo.InvariantCulture, $"  consul login -http-addr {addr}{caFlag}")
                .Append(settings.Partition is { } partition ? $" -partition {Shell.Quote(partition)}" : "")
                .Append(CultureInfo.InvariantCulture, $" -type aws-iam -method {ConsulEcsDefaults.ClientAuthMethod}")
                .Append(" -meta \"consul.hashicorp.com/task-id=$TASK_ID\" -meta \"consul.hashicorp.com/cluster=$CLUSTER_ARN\"")
                .Append(" -aws-region \"$TASK_REGION\" -aws-auto-bearer-token -aws-include-entity -token-sink-file /consul/client-token\n")
                .Append("}\n")
                .Append("until consul_login; do sleep 2; done\n")
                // health-sync (another user) logs the token out when the task stops.
                .Append("chmod 0644 /consul/client-token\n")
                // Wait (at most 2 s) until a stale read finds the token, so "ACL not found" is not cached.
                .Append("n=20\n")
                .Append(CultureInfo.InvariantCulture, $"until curl -sSf -o /dev/null -H \"X-Consul-Token: $(cat /consul/client-token)\"{(httpsCa ? $" --cacert {ConsulEcsDefaults.HttpsCaFile}" : "")} {Shell.Quote(consul.ServersHttpAddr + "/v1/acl/token/self?stale")}; do\n")
                .Append("  n=$((n - 1)); [ \"$n\" -gt 0 ] || { echo 'the servers do not know the client token; check that the server cluster is healthy'; exit 1; }; sleep 0.1\n")
                .Append("done\n");
            agentFlags.Append(" -hcl \"acl { tokens { agent = \\\"$(cat /consul/client-token)\\\" } }\"");
        }

        script.Append(CultureInfo.InvariantCulture, $"printf '%s' {Shell.Quote(AgentDefaults(consul))} > /consul/agent-defaults.hcl\n")
            .Append("exec consul agent -data-dir /consul/data -config-file /consul/agent-defaults.hcl").Append(agentFlags).Append('\n');
        return script.ToString();
    }

    /// <summary>consul_agent_defaults.hcl.tpl without its shell-expanded parts (the IP, gossip key and token go in as flags).</summary>
    private static string AgentDefaults(ConsulContext consul)
    {
        var settings = consul.Settings;
        var retryJoin = settings.RetryJoin.IsEmpty ? [consul.DevServerHost] : settings.RetryJoin;
        var hcl = new StringBuilder()
            .Append("addresses { dns = \"127.0.0.1\", grpc = \"127.0.0.1\", http = \"127.0.0.1\" }\n")
            .Append("advertise_reconnect_timeout = \"15m\"\n")
            .Append("bind_addr = \"{{ GetPrivateIP }}\"\n")
            .Append("client_addr = \"127.0.0.1\"\n")
            .Append(CultureInfo.InvariantCulture, $"datacenter = {Hcl(settings.Datacenter)}\n")
            .Append("enable_central_service_config = true\n")
            .Append("leave_on_terminate = true\n")
            .Append(CultureInfo.InvariantCulture, $"ports {{ grpc = {ConsulEcsDefaults.GrpcPort} }}\n")
            .Append(CultureInfo.InvariantCulture, $"retry_join = [{string.Join(", ", retryJoin.Select(Hcl))}]\n");
        if (consul.Servers.Tls)
        {
            hcl.Append("auto_encrypt { tls = true }\n").Append("verify_outgoing = true\n");
            if (consul.CaSecret is not null)
            {
                hcl.Append(CultureInfo.InvariantCulture, $"ca_file = \"{ConsulEcsDefaults.CaFile}\"\n");
            }

            if (consul.Servers.TlsServerName is not null)
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
            hcl.Append(CultureInfo.InvariantCulture, $"partition = {Hcl(partition)}\n");
        }

        return hcl.ToString();
    }

    /// <summary>An HCL string literal (JSON escaping is valid HCL).</summary>
    private static string Hcl(string value) => JsonSerializer.Serialize(value);
}
