namespace Compose2Ecs.Consul;

/// <summary>Codes of the Consul backend's findings (C2E5xxx), listed with their meaning in docs/diagnostics.md.</summary>
public static class ConsulDiagnosticCodes
{
    /// <summary><c>tls.mode: disabled</c> with Consul, whose service mesh is always mutual TLS.</summary>
    public const string TlsAlwaysOn = "C2E5001";

    /// <summary>No way to reach the servers: no servers.hosts, no dev_server, no agent-mode retry_join.</summary>
    public const string ServersRequired = "C2E5002";

    /// <summary><c>acls: true</c> without the bootstrap token the ACL controller logs in with.</summary>
    public const string BootstrapTokenRequired = "C2E5003";

    /// <summary>An agent-mode key (gossip key, retry_join) in dataplane mode, where nothing would use it.</summary>
    public const string AgentOnlyKey = "C2E5004";

    /// <summary>An environment value named an upstream and was rewritten to its local listener (a note: no transparent proxy on Fargate).</summary>
    public const string EnvRewritten = "C2E5005";

    /// <summary>An environment value is left pointing at a mesh name, so the call bypasses the sidecar (rewrite_env: false, no upstream, no port, another port).</summary>
    public const string EnvNamesMesh = "C2E5006";

    /// <summary>Targets of one route set different outlier_detection or connection_pool: Consul applies one set per caller upstream (the route).</summary>
    public const string RouteTargetOptionsDiffer = "C2E5007";

    /// <summary>Two names are one Consul name: services, routes (<c>&lt;project&gt;-&lt;route&gt;</c>) and the gateway (<c>&lt;project&gt;-api-gateway</c>), after lowercasing and '.' → '-'.</summary>
    public const string ConsulNameTaken = "C2E5008";

    /// <summary>A written image that does not pair with the design it runs (Consul server version, consul-ecs line, consul-dataplane major).</summary>
    public const string UnsupportedImage = "C2E5009";

    /// <summary>A service or route name is not a valid Consul service name even lowercased.</summary>
    public const string InvalidConsulName = "C2E5010";

    /// <summary><c>dev_server: true</c> with settings of real servers (<c>servers.tls</c>, <c>servers.hosts</c>, <c>servers.security_group</c>).</summary>
    public const string DevServerConflict = "C2E5011";

    /// <summary><c>partition</c> without <c>namespace</c>, or the other way round: consul-ecs needs both (Consul Enterprise).</summary>
    public const string TenancyIncomplete = "C2E5012";

    /// <summary>Agent mode with TLS needs the servers' CA (<c>servers.ca_cert_secret_arn</c>) for the client's auto_encrypt.</summary>
    public const string CaRequired = "C2E5013";

    /// <summary>Warning: TLS without <c>servers.ca_cert_secret_arn</c>: tasks check the servers' certificates against public CAs, which fails for a private CA.</summary>
    public const string CaNotSet = "C2E5014";

    /// <summary>A route or gateway setting Consul cannot express (a weighted tcp route, a method on gRPC, more than one tcp gateway route).</summary>
    public const string ConsulCannotCarry = "C2E5015";

    /// <summary>Warning: <c>dev_server: true</c> deploys one in-memory Consul server with no TLS and no persistence: for development only.</summary>
    public const string DevServer = "C2E5016";

    /// <summary>Warning: <c>servers.security_group</c> is not set, so no rule lets the tasks reach the servers.</summary>
    public const string ServersSecurityGroupNotSet = "C2E5017";

    /// <summary>Warning: Fargate gives no NET_ADMIN, so there is no transparent proxy: apps reach an upstream only at <c>localhost:&lt;local_port&gt;</c>.</summary>
    public const string NoTransparentProxy = "C2E5018";
}
