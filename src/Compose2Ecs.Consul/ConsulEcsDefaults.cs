using System.Collections.Immutable;

namespace Compose2Ecs.Consul;

/// <summary>
/// Every fact about consul-ecs and its Terraform modules that the backend relies on, in one
/// place, with where it comes from. Sources (hashicorp, MPL-2.0):
/// <list type="bullet">
/// <item><c>terraform-aws-consul-ecs</c> <c>modules/mesh-task/main.tf</c> and <c>config.tf</c> (module 0.8+/consul-ecs 0.8–0.10: dataplane architecture),</item>
/// <item>the same module at 0.5/0.6 (<c>main.tf</c>, <c>templates/consul_agent_defaults.hcl.tpl</c>, <c>templates/consul_client_command.tpl</c>: client-agent architecture),</item>
/// <item><c>modules/gateway-task/main.tf</c>, <c>config.tf</c>, <c>iam.tf</c>; <c>modules/controller/main.tf</c>, <c>config.tf</c>; <c>modules/dev-server/main.tf</c>,</item>
/// <item><c>consul-ecs</c> <c>subcommand/controller/command.go</c> (auth method, IAM tags, role path) and <c>config/schema.json</c> (v0.10.0, in ../shared/reference).</item>
/// </list>
/// </summary>
public static class ConsulEcsDefaults
{
    // ---- Container names (mesh-task/main.tf, gateway-task/main.tf, controller/main.tf) ----
    public const string MeshInit = "consul-ecs-mesh-init";
    public const string Dataplane = "consul-dataplane";
    public const string HealthSync = "consul-ecs-health-sync";
    public const string Controller = "consul-ecs-controller";

    /// <summary>Agent mode (mesh-task ≤ 0.6).</summary>
    public const string Client = "consul-client";

    /// <summary>Agent mode (mesh-task ≤ 0.6).</summary>
    public const string SidecarProxy = "sidecar-proxy";

    /// <summary>dev-server/main.tf.</summary>
    public const string Server = "consul-server";

    /// <summary>Our run-once task's only container.</summary>
    public const string ConfigWriter = "consul-config-writer";

    // ---- Agent mode images (mesh-task ≤ 0.6 variables.tf: consul-ecs 0.6.x, Consul 1.15, Envoy 1.23) ----
    public const string AgentConsulEcsImage = "hashicorp/consul-ecs:0.6.2";

    // ---- Volumes and mounts (mesh-task/main.tf locals) ----
    public const string DataVolume = "consul_data";
    public const string BinaryVolume = "consul_binary";

    /// <summary>consul_data's mount point, and the config's <c>bootstrapDir</c>.</summary>
    public const string BootstrapDir = "/consul";

    public const string BinaryMount = "/bin/consul-inject";

    /// <summary>Agent mode: the servers' CA for gossip TLS (consul_client_command.tpl).</summary>
    public const string CaFile = "/consul/consul-ca-cert.pem";

    /// <summary>Agent mode: the servers' HTTPS CA for the ACL logins (consul_client_command.tpl; config.tf consulCACertFile).</summary>
    public const string HttpsCaFile = "/consul/consul-https-ca-cert.pem";

    // ---- Users (module 0.8 CHANGELOG: "UID 5995 for consul-dataplane and 5996 for health-sync") ----
    public const string DataplaneUser = "5995";
    public const string HealthSyncUser = "5996";

    // ---- Commands and entry points (mesh-task/main.tf) ----
    public static ImmutableArray<string> MeshInitCommand { get; } = ["mesh-init"];

    public static ImmutableArray<string> HealthSyncCommand { get; } = ["health-sync"];

    public static ImmutableArray<string> ControllerCommand { get; } = ["controller"];

    /// <summary>consul-dataplane and sidecar-proxy start through consul-ecs's envoy-entrypoint (it delays Envoy's exit until the app has stopped).</summary>
    public static ImmutableArray<string> EnvoyEntryPoint { get; } = ["/consul/consul-ecs", "envoy-entrypoint"];

    /// <summary>mesh-init writes the dataplane's config into /consul/consul-dataplane.json.</summary>
    public static ImmutableArray<string> DataplaneCommand { get; } = ["consul-dataplane", "-config-file", "/consul/consul-dataplane.json"];

    /// <summary>Agent mode: mesh-init writes Envoy's bootstrap (module ≤ 0.6).</summary>
    public static ImmutableArray<string> EnvoyCommand { get; } = ["envoy", "--config-path", "/consul/envoy-bootstrap.json"];

    // ---- Health checks ----

    /// <summary>
    /// consul-dataplane: consul-ecs net-dial of Envoy's readiness port (mesh-task/main.tf: interval 5, retries 10,
    /// timeout 5). ECS wants the command to start with <c>CMD</c>; the module's array leaves it out.
    /// </summary>
    public static ImmutableArray<string> NetDial(int port) => ["CMD", "/consul/consul-ecs", "net-dial", $"127.0.0.1:{port}"];

    public const int DataplaneCheckInterval = 5;
    public const int DataplaneCheckTimeout = 5;
    public const int DataplaneCheckRetries = 10;

    /// <summary>Agent mode: sidecar-proxy's check dials the public listener (module ≤ 0.6: interval 30, retries 3, timeout 5).</summary>
    public const int ProxyCheckInterval = 30;
    public const int ProxyCheckTimeout = 5;
    public const int ProxyCheckRetries = 3;

    /// <summary>"2^20 (1048576) is the maximum" nofile ulimit (mesh-task/main.tf).</summary>
    public const long NoFile = 1048576;

    // ---- Ports (mesh-task/config.tf, architecture.md) ----
    public const int PublicListenerPort = 20000;
    public const int ReadinessPort = 22000;
    public const int HttpPort = 8500;
    public const int HttpsPort = 8501;
    public const int GrpcPort = 8502;
    public const int GrpcTlsPort = 8503;
    public const int ServerRpcPort = 8300;
    public const int SerfLanPort = 8301;

    /// <summary>gateway-task/main.tf: <c>lan_port</c> defaults to 8443.</summary>
    public const int GatewayPort = 8443;

    // ---- ACLs (consul-ecs subcommand/controller/command.go; mesh-task/iam.tf) ----

    /// <summary>The auth method the controller creates, and the config's <c>consulLogin.method</c> default.</summary>
    public const string ServiceAuthMethod = "iam-ecs-service-token";

    /// <summary>
    /// Agent mode: the client agent's login method of the ≤ 0.6 architecture. consul-ecs 0.10's
    /// controller does not create it (docs/consul.md says how).
    /// </summary>
    public const string ClientAuthMethod = "iam-ecs-client-token";

    /// <summary>IAM role tag names: binding rules do not take '/', hence the dots.</summary>
    public const string ServiceNameTag = "consul.hashicorp.com.service-name";
    public const string NamespaceTag = "consul.hashicorp.com.namespace";
    public const string GatewayKindTag = "consul.hashicorp.com.gateway-kind";

    /// <summary>
    /// The controller trusts roles under <c>controller.iamRolePath</c> (default <c>/consul-ecs/</c>,
    /// bound as <c>arn:aws:iam::ACCOUNT:role/consul-ecs/*</c>). We use one path per project,
    /// <c>/consul-ecs/&lt;project&gt;/</c>, so a project's controller trusts only its own tasks.
    /// </summary>
    public static string RolePath(string project) => $"/consul-ecs/{project}/";

    // ---- Sizes (the modules give sidecars cpu 0 and no memory; Fargate sizing needs numbers) ----
    public const int DataplaneCpu = 64;
    public const int DataplaneMemory = 128;
    public const int InitCpu = 0;
    public const int InitMemory = 32;
    public const int HealthSyncCpu = 16;
    public const int HealthSyncMemory = 32;
    public const int ClientCpu = 64;
    public const int ClientMemory = 128;

    /// <summary>controller/main.tf: the controller task is 256 CPU / 512 MiB.</summary>
    public const int ControllerCpu = 256;
    public const int ControllerMemory = 512;

    public const int ServerCpu = 512;
    public const int ServerMemory = 1024;

    // ---- Names of the backend's own ECS services (compose services may not use them) ----
    public const string DevServerService = "consul-server";
    public const string ControllerService = "consul-ecs-controller";
    public const string GatewayService = "consul-api-gateway";
    public const string ConfigEntriesService = "consul-config-entries";

    public static ImmutableArray<string> ReservedServiceNames { get; } =
        [DevServerService, ControllerService, GatewayService, ConfigEntriesService];
}
