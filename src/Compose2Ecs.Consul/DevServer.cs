using System.Collections.Immutable;
using System.Text;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Consul;

/// <summary>
/// <c>dev_server: true</c>: one Consul server in dev mode (in memory: no persistence, no TLS),
/// registered in Cloud Map as <c>consul-server.&lt;namespace&gt;</c>, which every task uses as
/// its servers' address. After dev-server/main.tf, with <c>agent -dev</c>: connect and gRPC on,
/// the UI on, the client APIs on all interfaces, gossip on the task's private IP so client
/// agents can join. For development and tests only.
/// </summary>
internal static class DevServer
{
    public static ServicePlan Plan(ConsulContext consul)
    {
        var command = new StringBuilder("exec consul agent -dev -ui -client 0.0.0.0 -bind '{{ GetPrivateIP }}'")
            .Append(" -datacenter ").Append(Shell.Quote(consul.Settings.Datacenter))
            .Append(" -hcl 'enable_central_service_config = true'");
        var secrets = ImmutableArray.CreateBuilder<ContainerSecret>();
        if (consul.Settings.Acls)
        {
            // The bootstrap token from Secrets Manager becomes the initial management token, and the agent's own
            // token (acl.tokens.agent), so the server's anti-entropy and node registration are not denied.
            command.Append(" -hcl \"acl { enabled = true, default_policy = \\\"deny\\\", down_policy = \\\"extend-cache\\\", tokens { initial_management = \\\"$CONSUL_HTTP_TOKEN\\\", agent = \\\"$CONSUL_HTTP_TOKEN\\\" } }\"");
            secrets.Add(new ContainerSecret("CONSUL_HTTP_TOKEN", consul.BootstrapToken!));
        }

        if (consul.Settings.GossipKeySecretArn is { } gossip)
        {
            command.Append(" -encrypt \"$CONSUL_GOSSIP_ENCRYPTION_KEY\"");
            secrets.Add(new ContainerSecret("CONSUL_GOSSIP_ENCRYPTION_KEY", gossip));
        }

        var container = new ContainerPlan
        {
            Name = ConsulEcsDefaults.Server,
            Image = consul.Settings.Images.ConsulServer,
            EntryPoint = ["/bin/sh", "-ec"],
            Command = [command.ToString()],
            Secrets = secrets.ToImmutable(),
            Ports =
            [
                new ContainerPort(ConsulEcsDefaults.HttpPort, "tcp"),
                new ContainerPort(ConsulEcsDefaults.GrpcPort, "tcp"),
                new ContainerPort(ConsulEcsDefaults.ServerRpcPort, "tcp"),
                new ContainerPort(ConsulEcsDefaults.SerfLanPort, "tcp"),
                new ContainerPort(ConsulEcsDefaults.SerfLanPort, "udp"),
            ],
            HealthCheck = new HealthCheckPlan(["CMD-SHELL", "consul members >/dev/null || exit 1"], 10, 5, 6, 10),
            InitProcessEnabled = true,
            Cpu = ConsulEcsDefaults.ServerCpu,
            MemoryMiB = ConsulEcsDefaults.ServerMemory,
            LogStreamPrefix = ConsulEcsDefaults.Server,
        };
        return Synthetic.Service(consul, ConsulEcsDefaults.DevServerService, container, discovery: true);
    }
}
