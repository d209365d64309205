using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>What every part of the transform reads: the model, the Consul settings, and the names and endpoints derived from them once.</summary>
internal sealed class ConsulContext(BackendContext backend, EcsPlan plan)
{
    public MeshModel Model => backend.Mesh;

    public ConsulSettings Settings => backend.Mesh.Settings<ConsulSettings>();

    /// <summary>The Consul names of the services, routes and gateway (project-scoped where ours).</summary>
    public ConsulNames Names { get; } = ConsulNames.For(backend.Mesh);

    public EcsPlan BasePlan => plan;

    public bool Agent => Settings.Mode == ConsulMode.Agent;

    /// <summary>Whether <c>x-mesh.consul.datacenter</c> is written (the default dc1 is then left to the servers).</summary>
    public bool DatacenterWritten => Model.KeyLocations.ContainsKey("x-mesh.consul.datacenter");

    public SourceLocation Location => Model.LocationOf("x-mesh.consul") is { IsKnown: true } l ? l : Model.Location;

    /// <summary>The dev server's DNS name in the Cloud Map namespace.</summary>
    public string DevServerHost => $"{ConsulEcsDefaults.DevServerService}.{plan.Namespace.Name}";

    /// <summary>The servers as the tasks dial them: servers.hosts, or the dev server (no TLS).</summary>
    public ServerEndpoint Servers => Settings.DevServer
        ? new ServerEndpoint(DevServerHost, false, null, Settings.Servers.SkipServerWatch)
        : new ServerEndpoint(Settings.Servers.Hosts ?? "", Settings.Servers.Tls, Settings.Servers.TlsServerName, Settings.Servers.SkipServerWatch);

    /// <summary>The servers' HTTP API as a URL (the client agent's and mesh-init's ACL login).</summary>
    public string ServersHttpAddr => $"{(Servers.Tls ? "https" : "http")}://{Servers.Hosts}:{Servers.HttpPort}";

    /// <summary>
    /// consul-ecs in a mesh task: agent mode runs the 0.6.2 line (the last with the client-agent
    /// design; 0.7+ mesh-init speaks only to consul-dataplane) unless images.consul_ecs is written.
    /// </summary>
    public string MeshTaskConsulEcsImage => Agent && !Model.KeyLocations.ContainsKey("x-mesh.consul.images.consul_ecs")
        ? ConsulEcsDefaults.AgentConsulEcsImage
        : Settings.Images.ConsulEcs;

    /// <summary>Whether anything resolves servers through EC2 cloud auto-join (go-discover <c>provider=aws</c>), which calls ec2:DescribeInstances.</summary>
    public bool DiscoversOnEc2 =>
        (Agent && Settings.RetryJoin.Any(j => j.Contains("provider=aws", StringComparison.Ordinal)))
        || (!Settings.DevServer && Settings.Servers.Hosts is { } hosts && hosts.StartsWith("exec=", StringComparison.Ordinal) && hosts.Contains("provider=aws", StringComparison.Ordinal));

    /// <summary>The servers' CA from Secrets Manager, when TLS is on and a CA is given.</summary>
    public string? CaSecret => Servers.Tls ? Settings.Servers.CaCertSecretArn : null;

    /// <summary>Bootstrap token: written, or with the dev server and ACLs, the secret the stack creates.</summary>
    public CfnValue? BootstrapToken => Settings.BootstrapTokenSecretArn is { } arn
        ? arn
        : Settings.Acls && Settings.DevServer ? CfnValue.Ref(Ids.BootstrapToken) : null;

    /// <summary>The security group of every task that talks to Consul (see <see cref="ServerRules"/>).</summary>
    public CfnValue ClientGroupId => CfnValue.GetAtt(Ids.ClientSecurityGroup, "GroupId");

    /// <summary>The cluster's name, for task ARN patterns.</summary>
    public CfnValue ClusterName => plan.Cluster.Create
        ? CfnValue.Ref(SharedIds.Cluster)
        : ClusterNameOf(((CfnString)plan.Cluster.Cluster).Value);

    /// <summary>The cluster's ARN, for IAM conditions.</summary>
    public CfnValue ClusterArn => plan.Cluster.Create
        ? CfnValue.GetAtt(SharedIds.Cluster, "Arn")
        : CfnValue.Sub($"arn:${{AWS::Partition}}:ecs:${{AWS::Region}}:${{AWS::AccountId}}:cluster/{CfnValue.SubLiteral(ClusterNameOf(((CfnString)plan.Cluster.Cluster).Value))}");

    /// <summary>Every task of the cluster: <c>arn:…:task/&lt;cluster&gt;/*</c>.</summary>
    public CfnValue ClusterTasks => CfnValue.Function("Fn::Sub", CfnList.Of(
        "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/${ClusterName}/*",
        new CfnMap([KeyValuePair.Create("ClusterName", ClusterName)])));

    public string Family(string service) => ServiceKit.Family(plan.ProjectName, service);

    /// <summary>What a created VPC must finish before tasks can pull images (as the base's ServicePlanner waits for it).</summary>
    public ImmutableArray<string> NetworkReady => [.. ServiceKit.NetworkReady(plan.Network)];

    private static string ClusterNameOf(string cluster) => cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster[(cluster.LastIndexOf('/') + 1)..] : cluster;

    /// <summary>The logical IDs of the backend's shared resources.</summary>
    public static class Ids
    {
        public static readonly string ClientSecurityGroup = LogicalIds.Shared("ConsulClientSecurityGroup");
        public static readonly string BootstrapToken = LogicalIds.Shared("ConsulBootstrapToken");
        public static readonly string BootstrapTokenValue = LogicalIds.Shared("ConsulBootstrapTokenValue");
        public static readonly string BootstrapTokenFunction = LogicalIds.Shared("ConsulBootstrapTokenFunction");
        public static readonly string BootstrapTokenFunctionRole = LogicalIds.Shared("ConsulBootstrapTokenFunctionRole");
        public static readonly string BootstrapTokenFunctionLogGroup = LogicalIds.Shared("ConsulBootstrapTokenFunctionLogGroup");
        public static readonly string ConfigEntriesFunction = LogicalIds.Shared("ConsulConfigEntriesFunction");
        public static readonly string ConfigEntriesFunctionRole = LogicalIds.Shared("ConsulConfigEntriesFunctionRole");
        public static readonly string ConfigEntriesFunctionLogGroup = LogicalIds.Shared("ConsulConfigEntriesFunctionLogGroup");
        public static readonly string ConfigEntriesRun = LogicalIds.Shared("ConsulConfigEntriesRun");
        public static readonly string ClientSecurityGroupOutput = LogicalIds.Shared("ConsulClientSecurityGroupId");
    }
}
