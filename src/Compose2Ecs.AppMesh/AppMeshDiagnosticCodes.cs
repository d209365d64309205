namespace Compose2Ecs.AppMesh;

/// <summary>Codes of the App Mesh backend's findings (C2E4xxx), listed with their meaning in docs/diagnostics.md.</summary>
public static class AppMeshDiagnosticCodes
{
    /// <summary><c>appmesh.mesh_owner</c> that is not a 12-digit AWS account id.</summary>
    public const string InvalidMeshOwner = "C2E4001";

    /// <summary><c>appmesh.mesh_owner</c> without <c>existing: true</c>: a shared mesh cannot be created here.</summary>
    public const string SharedMeshNotExisting = "C2E4002";

    /// <summary>In an imported (shared) mesh, the short-name virtual services take mesh-wide names another project may need.</summary>
    public const string ShortNamesInSharedMesh = "C2E4003";

    /// <summary>In an imported VPC, short names resolve only if the VPC's DHCP options search the namespace.</summary>
    public const string ImportedVpcSearchDomain = "C2E4004";

    /// <summary>A virtual node lists more backends than App Mesh's default quota (50).</summary>
    public const string BackendsPerVirtualNode = "C2E4005";

    /// <summary>A service runs more Envoys on one virtual node than App Mesh's default quota (50), deployments counted.</summary>
    public const string EnvoysPerVirtualNode = "C2E4006";

    /// <summary>An environment value names <c>localhost:&lt;local_port&gt;</c> (another backend's address); it is rewritten to the upstream's name.</summary>
    public const string LocalhostAddress = "C2E4007";

    /// <summary>A caller with two tcp upstreams on one port: App Mesh tells tcp backends of one node apart only by port.</summary>
    public const string TcpBackendsOnOnePort = "C2E4008";

    /// <summary>A route, match, health check or service passes a limit of App Mesh (rule priorities, weighted targets, header or query conditions, health check timings and thresholds, ports ECS can route around Envoy).</summary>
    public const string PastAppMeshLimit = "C2E4009";

    /// <summary>A setting App Mesh cannot express: a method or query matcher it lacks, a connection-pool key of another protocol or a missing one, a tcp or grpc gateway target, a port called both through and around the mesh, a load balancer sending plain text to a strict-TLS Envoy.</summary>
    public const string AppMeshCannotCarry = "C2E4010";

    /// <summary>Warning: The Envoy sidecar's CPU and memory raise the task to a larger Fargate size.</summary>
    public const string EnvoySize = "C2E4011";
}
