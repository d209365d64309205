using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// <c>CONSUL_ECS_CONFIG_JSON</c>, the consul-ecs 0.10 config every consul-ecs container reads
/// (schema: ../shared/reference/consul-ecs-config.v0.10.0.schema.json). The shape follows
/// mesh-task/config.tf, gateway-task/config.tf and controller/config.tf; empty fields are left out.
/// </summary>
internal static class ConsulConfig
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonObject config) => config.ToJsonString(Compact);

    /// <summary>The <c>consulServers</c> block: TLS-aware ports (8501/8503 with TLS, else 8500/8502), as the modules write it.</summary>
    public static JsonObject Servers(ServerEndpoint servers)
    {
        var defaults = new JsonObject { ["tls"] = servers.Tls };
        if (servers.TlsServerName is { } sni)
        {
            defaults["tlsServerName"] = sni;
        }

        return new JsonObject
        {
            ["hosts"] = servers.Hosts,
            ["skipServerWatch"] = servers.SkipServerWatch,
            ["defaults"] = defaults,
            ["http"] = new JsonObject { ["port"] = servers.HttpPort, ["https"] = servers.Tls },
            ["grpc"] = new JsonObject { ["port"] = servers.GrpcPort },
        };
    }

    /// <summary>The service block both designs register (consul-ecs 0.6 and 0.10 spell it alike).</summary>
    private static JsonObject ServiceBlock(ConsulContext consul, MeshService service)
    {
        var block = new JsonObject
        {
            ["name"] = consul.Names.Of(service.Name),
            ["port"] = service.Listener?.Port ?? 0,
            ["meta"] = new JsonObject { ["compose-project"] = consul.Model.ProjectName, ["compose-service"] = service.Name },
        };
        AddTenancy(block, consul.Settings, "namespace", "partition");
        return block;
    }

    /// <summary>The proxy's upstreams: each mesh edge with a local bind port the app dials.</summary>
    private static JsonArray Upstreams(ConsulContext consul, MeshService service)
    {
        var upstreams = new JsonArray();
        foreach (var edge in service.Upstreams.Where(e => e.Via == EdgeVia.Mesh && e.LocalPort is not null))
        {
            var upstream = new JsonObject
            {
                ["destinationName"] = consul.Names.Of(edge.Upstream),
                ["localBindPort"] = edge.LocalPort!.Value,
            };
            AddTenancy(upstream, consul.Settings, "destinationNamespace", "destinationPartition");
            if (consul.DatacenterWritten)
            {
                upstream["datacenter"] = consul.Settings.Datacenter;
            }

            upstreams.Add(upstream);
        }

        return upstreams;
    }

    /// <summary>A mesh task's config: the service, its proxy and upstreams, login, health-sync containers.</summary>
    public static JsonObject MeshTask(ConsulContext consul, MeshService service, IReadOnlyList<string> healthSyncContainers, ServerEndpoint servers)
    {
        var settings = consul.Settings;
        var serviceBlock = ServiceBlock(consul, service);
        var upstreams = Upstreams(consul, service);

        var config = new JsonObject
        {
            ["bootstrapDir"] = ConsulEcsDefaults.BootstrapDir,
            ["consulServers"] = Servers(servers),
            ["service"] = serviceBlock,
            ["proxy"] = new JsonObject
            {
                ["publicListenerPort"] = ConsulEcsDefaults.PublicListenerPort,
                ["healthCheckPort"] = ConsulEcsDefaults.ReadinessPort,
                ["upstreams"] = upstreams,
            },

            // consul-ecs turns transparent proxy on by default; it needs NET_ADMIN, which Fargate does not grant.
            ["transparentProxy"] = new JsonObject { ["enabled"] = false },
        };
        AddLogin(config, consul);
        if (healthSyncContainers.Count > 0)
        {
            config["healthSyncContainers"] = new JsonArray([.. healthSyncContainers.Select(c => (JsonNode)JsonValue.Create(c)!)]);
        }

        return config;
    }

    /// <summary>
    /// Agent mode: the consul-ecs 0.6.2 config of mesh-task ≤ 0.6 (config.tf; schema
    /// ../shared/reference/consul-ecs-config.v0.6.2.schema.json). consul-ecs registers with the
    /// task's own client agent on localhost; <c>consulHTTPAddr</c> (the servers) is only for the
    /// ACL login, and the CA file is the one the client container writes.
    /// </summary>
    public static JsonObject AgentMeshTask(ConsulContext consul, MeshService service, IReadOnlyList<string> healthSyncContainers)
    {
        var settings = consul.Settings;
        var serviceBlock = ServiceBlock(consul, service);
        var upstreams = Upstreams(consul, service);

        var config = new JsonObject { ["bootstrapDir"] = ConsulEcsDefaults.BootstrapDir };
        if (settings.Acls)
        {
            config["consulHTTPAddr"] = consul.ServersHttpAddr;
            if (consul.CaSecret is not null)
            {
                config["consulCACertFile"] = ConsulEcsDefaults.HttpsCaFile;
            }

            config["consulLogin"] = new JsonObject { ["enabled"] = true, ["method"] = ConsulEcsDefaults.ServiceAuthMethod };
        }

        config["service"] = serviceBlock;
        config["proxy"] = new JsonObject { ["publicListenerPort"] = ConsulEcsDefaults.PublicListenerPort, ["upstreams"] = upstreams };
        if (healthSyncContainers.Count > 0)
        {
            config["healthSyncContainers"] = new JsonArray([.. healthSyncContainers.Select(c => (JsonNode)JsonValue.Create(c)!)]);
        }

        return config;
    }

    /// <summary>The API gateway task's config (gateway-task/config.tf): kind api-gateway, LAN port 8443.</summary>
    public static JsonObject Gateway(ConsulContext consul, ServerEndpoint servers)
    {
        var gateway = new JsonObject
        {
            ["kind"] = "api-gateway",
            ["name"] = consul.Names.Gateway,
            ["lanAddress"] = new JsonObject { ["port"] = ConsulEcsDefaults.GatewayPort },
        };

        // gateway-task/config.tf: a gateway's namespace is "default" when partitions are used.
        if (consul.Settings.Partition is { } partition)
        {
            gateway["namespace"] = "default";
            gateway["partition"] = partition;
        }

        var config = new JsonObject
        {
            ["bootstrapDir"] = ConsulEcsDefaults.BootstrapDir,
            ["consulServers"] = Servers(servers),
            ["gateway"] = gateway,
            ["transparentProxy"] = new JsonObject { ["enabled"] = false },
        };
        AddLogin(config, consul);
        return config;
    }

    /// <summary>The ACL controller's config (controller/config.tf): the role path it trusts.</summary>
    public static JsonObject Controller(ConsulContext consul, ServerEndpoint servers)
    {
        var controller = new JsonObject { ["iamRolePath"] = ConsulEcsDefaults.RolePath(consul.Model.ProjectName) };
        if (consul.Settings.Partition is { } partition)
        {
            controller["partitionsEnabled"] = true;
            controller["partition"] = partition;
        }

        return new JsonObject
        {
            ["bootstrapDir"] = ConsulEcsDefaults.BootstrapDir,
            ["consulServers"] = Servers(servers),
            ["controller"] = controller,
        };
    }

    private static void AddLogin(JsonObject config, ConsulContext consul)
    {
        if (!consul.Settings.Acls)
        {
            return;
        }

        var login = new JsonObject { ["enabled"] = true, ["method"] = ConsulEcsDefaults.ServiceAuthMethod };
        if (consul.DatacenterWritten)
        {
            login["datacenter"] = consul.Settings.Datacenter;
        }

        config["consulLogin"] = login;
    }

    private static void AddTenancy(JsonObject target, ConsulSettings settings, string namespaceKey, string partitionKey)
    {
        if (settings.Namespace is { } ns)
        {
            target[namespaceKey] = ns;
        }

        if (settings.Partition is { } partition)
        {
            target[partitionKey] = partition;
        }
    }
}

/// <summary>Where a consul-ecs container finds Consul's HTTP and gRPC APIs.</summary>
internal sealed record ServerEndpoint(string Hosts, bool Tls, string? TlsServerName, bool SkipServerWatch)
{
    public int HttpPort => Tls ? ConsulEcsDefaults.HttpsPort : ConsulEcsDefaults.HttpPort;

    public int GrpcPort => Tls ? ConsulEcsDefaults.GrpcTlsPort : ConsulEcsDefaults.GrpcPort;

}
