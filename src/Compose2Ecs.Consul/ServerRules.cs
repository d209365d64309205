using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// Security-group rules. Between services: one TCP rule per concrete edge on Envoy's public
/// listener (20000), or for a direct edge (a plain service at either end) on the callee's
/// port, as <c>--mesh none</c> does; the gateway reaches its targets on 20000. To the servers:
/// every task that talks to Consul carries one shared group, <c>ConsulClientSecurityGroup</c>,
/// and the servers' group admits that group on the HTTP and gRPC ports (8501/8503 with TLS,
/// 8500/8502 without); agent mode adds RPC 8300 to the servers and serf LAN 8301 TCP+UDP both
/// ways (agents gossip with each other too, so the shared group admits itself on 8301). One
/// shared group instead of one rule per service keeps the servers' group far below EC2's 60
/// inbound rules per group, however many services the mesh has.
/// </summary>
internal static class ServerRules
{
    /// <summary>Through the mesh a connection arrives at the target's Envoy public listener; a direct one at the container port.</summary>
    public static IEnumerable<IngressRulePlan> Edges(ConsulContext consul, EcsPlan plan) => EdgeIngress.Rules(consul.Model, plan,
        port: edge => edge.Via == EdgeVia.Mesh ? ConsulEcsDefaults.PublicListenerPort : edge.Port,
        description: (edge, port) => edge.Via == EdgeVia.Mesh ? $"{edge.Caller} to {edge.Target} through the mesh (Envoy public listener {port}/tcp)" : null);

    public static IEnumerable<IngressRulePlan> ToServers(ConsulContext consul)
    {
        var clients = new ExternalSecurityGroup(consul.ClientGroupId);
        SecurityGroupRef? servers = consul.Settings.DevServer
            ? new ServiceSecurityGroup(ConsulEcsDefaults.DevServerService)
            : consul.Settings.Servers.SecurityGroup is { } sg ? new ExternalSecurityGroup(sg) : null;
        var endpoint = consul.Servers;

        if (servers is not null)
        {
            // HTTP: consul-ecs registration and login, the controller, the config-entries task.
            yield return Rule("ConsulServersIngressHttp", servers, clients, "tcp", endpoint.HttpPort, $"Consul HTTP{(endpoint.Tls ? "S" : "")} API from the mesh tasks");

            // gRPC: consul-dataplane's xDS and server discovery (the gateway and mesh tasks in dataplane mode).
            if (!consul.Agent || consul.Model.Gateway is not null)
            {
                yield return Rule("ConsulServersIngressGrpc", servers, clients, "tcp", endpoint.GrpcPort, $"Consul gRPC{(endpoint.Tls ? " (TLS)" : "")} from the mesh tasks");
            }

            if (consul.Agent)
            {
                yield return Rule("ConsulServersIngressRpc", servers, clients, "tcp", ConsulEcsDefaults.ServerRpcPort, "Consul server RPC from the client agents");
                yield return Rule("ConsulServersIngressSerfTcp", servers, clients, "tcp", ConsulEcsDefaults.SerfLanPort, "Consul serf LAN from the client agents");
                yield return Rule("ConsulServersIngressSerfUdp", servers, clients, "udp", ConsulEcsDefaults.SerfLanPort, "Consul serf LAN from the client agents");
                yield return Rule("ConsulClientsIngressSerfTcpFromServers", clients, servers, "tcp", ConsulEcsDefaults.SerfLanPort, "Consul serf LAN from the servers");
                yield return Rule("ConsulClientsIngressSerfUdpFromServers", clients, servers, "udp", ConsulEcsDefaults.SerfLanPort, "Consul serf LAN from the servers");
            }
        }

        if (consul.Agent)
        {
            yield return Rule("ConsulClientsIngressSerfTcp", clients, clients, "tcp", ConsulEcsDefaults.SerfLanPort, "Consul serf LAN between client agents");
            yield return Rule("ConsulClientsIngressSerfUdp", clients, clients, "udp", ConsulEcsDefaults.SerfLanPort, "Consul serf LAN between client agents");
        }
    }

    /// <summary>The shared group every Consul-speaking task carries. No ingress of its own except serf in agent mode; default egress.</summary>
    public static TemplateResource ClientGroup(ConsulContext consul, EcsPlan plan) => new(ConsulContext.Ids.ClientSecurityGroup, "AWS::EC2::SecurityGroup", new CfnMapBuilder()
        .Add("GroupDescription", $"{plan.ProjectName} tasks that talk to Consul (the servers admit this group)")
        .Add("VpcId", plan.Network.VpcId)
        .AddList("Tags", [new CfnMapBuilder().Add("Key", "Name").Add("Value", $"{plan.StackName}-consul-clients").Build()])
        .Build());

    private static IngressRulePlan Rule(string kind, SecurityGroupRef target, SecurityGroupRef source, string protocol, int port, string description) =>
        new(LogicalIds.Shared($"{kind}{port}"), target, source, protocol, port, port, description);
}
