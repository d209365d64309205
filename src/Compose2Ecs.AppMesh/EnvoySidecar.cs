using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// The Envoy container App Mesh configures (by the resource ARN it is given), and what a task
/// needs around it: the APPMESH proxy configuration, the app waiting for Envoy to be healthy,
/// and permission to fetch its own configuration and nothing else.
/// </summary>
public static class EnvoySidecar
{
    public const string ContainerName = "envoy";

    /// <summary>Envoy runs as this user; the proxy configuration exempts its own traffic by it.</summary>
    public const int Uid = 1337;

    public const int ProxyIngressPort = 15000;
    public const int ProxyEgressPort = 15001;

    /// <summary>The ECS task metadata/credentials endpoint and the instance metadata service: never through Envoy.</summary>
    public const string EgressIgnoredIps = "169.254.170.2,169.254.169.254";

    /// <summary>App Mesh's recommended liveness check: Envoy's admin interface reports LIVE once it has its configuration.</summary>
    public const string HealthCommand = "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE";

    /// <param name="resourceArn">The virtual node's (or virtual gateway's) ARN: Envoy asks App Mesh for that resource's configuration.</param>
    /// <param name="cpu">Envoy's CPU reservation (<see cref="EnvoySizing"/>); null: none, it shares the task's.</param>
    public static ContainerPlan Container(AppMeshSettings settings, int? cpu, CfnValue resourceArn, ImmutableArray<ContainerPort> ports = default) =>
        EnvoyTelemetry.Apply(Bare(settings, cpu, resourceArn, ports), settings);

    private static ContainerPlan Bare(AppMeshSettings settings, int? cpu, CfnValue resourceArn, ImmutableArray<ContainerPort> ports) => new()
    {
        Name = ContainerName,
        Image = EnvoyImage.For(settings.EnvoyImage),
        Essential = true,
        User = Text(Uid),
        Environment =
        [
            new ContainerEnvironment("APPMESH_RESOURCE_ARN", resourceArn),
            new ContainerEnvironment("AWS_REGION", CfnValue.Ref("AWS::Region")),
            new ContainerEnvironment("ENVOY_LOG_LEVEL", "info"),
        ],
        Ports = ports.IsDefault ? [] : ports,
        HealthCheck = new HealthCheckPlan(["CMD-SHELL", HealthCommand], IntervalSeconds: 5, TimeoutSeconds: 2, Retries: 3, StartPeriodSeconds: 10),
        Cpu = cpu,

        // A reservation, not a hard limit: Envoy's memory grows with the mesh, and an OOM-killed
        // proxy stops the task. The task's size still counts it.
        MemoryReservationMiB = settings.EnvoyMemory,
        Ulimits = [new UlimitPlan("nofile", 15000, 15000)],
        LogStreamPrefix = ContainerName,
    };

    /// <summary>
    /// A port for <c>AppPorts</c> of a task that listens on nothing. ECS refuses an APPMESH proxy
    /// configuration without AppPorts ("App ports not found", aws-app-mesh-roadmap#467), so an
    /// outbound-only task names a port no container uses (the workaround AWS documents there): its
    /// inbound redirect leads to Envoy's ingress port, where an outbound-only node has no listener,
    /// and no security group admits anyone to the task anyway.
    /// </summary>
    public const int UnusedAppPort = 15099;

    /// <summary>ECS takes at most this many <c>EgressIgnoredPorts</c>.</summary>
    public const int MaxEgressIgnoredPorts = 15;

    /// <summary>Ports Envoy itself uses in every task: an app port can never be one of them.</summary>
    public static readonly IReadOnlySet<int> ReservedPorts = new HashSet<int> { ProxyIngressPort, ProxyEgressPort, GatewayPlanner.AdminPort };

    /// <summary>
    /// The task's <c>APPMESH</c> proxy configuration: Envoy's own traffic (uid 1337) and the
    /// metadata addresses bypass it; inbound on the app port goes to 15000, outbound to 15001.
    /// </summary>
    /// <param name="egressIgnoredPorts">Ports of direct (non-mesh) destinations, which Envoy would otherwise drop.</param>
    /// <param name="containerPorts">The task's container ports: the unused app port of an outbound-only task avoids them.</param>
    public static ProxyConfigurationPlan ProxyConfiguration(MeshListener? listener, IEnumerable<int> egressIgnoredPorts, IEnumerable<int> containerPorts)
    {
        var appPort = listener?.Port ?? UnusedPort(containerPorts);
        var properties = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        properties.Add(new("IgnoredUID", Text(Uid)));
        properties.Add(new("ProxyIngressPort", Text(ProxyIngressPort)));
        properties.Add(new("ProxyEgressPort", Text(ProxyEgressPort)));
        properties.Add(new("AppPorts", Text(appPort)));
        properties.Add(new("EgressIgnoredIPs", EgressIgnoredIps));
        var ignored = egressIgnoredPorts.Distinct().Order().ToList();
        if (ignored.Count > 0)
        {
            properties.Add(new("EgressIgnoredPorts", string.Join(",", ignored)));
        }

        return new ProxyConfigurationPlan(ContainerName, "APPMESH", properties.ToImmutable());
    }

    private static int UnusedPort(IEnumerable<int> containerPorts)
    {
        var taken = containerPorts.ToHashSet();
        var port = UnusedAppPort;
        while (taken.Contains(port) || ReservedPorts.Contains(port))
        {
            port++;
        }

        return port;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Envoy may fetch the configuration of its own node (or gateway): one resource, not the mesh.</summary>
    public static IamStatement StreamAggregatedResources(CfnValue resourceArn) =>
        new(["appmesh:StreamAggregatedResources"], [resourceArn]);

    /// <summary>Adds statements to a role, skipping any that is already there (the same actions on the same resources).</summary>
    public static RolePlan AddDistinct(RolePlan role, IEnumerable<IamStatement> statements)
    {
        var result = role.Statements.ToBuilder();
        foreach (var statement in statements)
        {
            if (!result.Any(s => Same(s, statement)))
            {
                result.Add(statement);
            }
        }

        return role with { Statements = result.ToImmutable() };
    }

    private static bool Same(IamStatement a, IamStatement b) =>
        a.Effect == b.Effect && a.Actions.SequenceEqual(b.Actions) && a.Resources.SequenceEqual(b.Resources) && Equals(a.Condition, b.Condition);
}
