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
    public static ContainerPlan Container(AppMeshSettings settings, CfnValue resourceArn, ImmutableArray<ContainerPort> ports = default) => new()
    {
        Name = ContainerName,
        Image = EnvoyImage.For(settings.EnvoyImage),
        Essential = true,
        User = Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Environment =
        [
            new ContainerEnvironment("APPMESH_RESOURCE_ARN", resourceArn),
            new ContainerEnvironment("AWS_REGION", CfnValue.Ref("AWS::Region")),
            new ContainerEnvironment("ENVOY_LOG_LEVEL", "info"),
        ],
        Ports = ports.IsDefault ? [] : ports,
        HealthCheck = new HealthCheckPlan(["CMD-SHELL", HealthCommand], IntervalSeconds: 5, TimeoutSeconds: 2, Retries: 3, StartPeriodSeconds: 10),
        Cpu = settings.EnvoyCpu,

        // A reservation, not a hard limit: Envoy's memory grows with the mesh, and an OOM-killed
        // proxy stops the task. The task's size still counts it.
        MemoryReservationMiB = settings.EnvoyMemory,
        Ulimits = [new UlimitPlan("nofile", 15000, 15000)],
        LogStreamPrefix = ContainerName,
    };

    /// <summary>
    /// The task's <c>APPMESH</c> proxy configuration. A service with no listener has no app ports:
    /// the CNI plugin takes AppPorts and ProxyIngressPort only together, so both are left out and
    /// only egress goes through Envoy.
    /// </summary>
    /// <param name="egressIgnoredPorts">Ports of direct (non-mesh) destinations, which Envoy would otherwise drop.</param>
    public static ProxyConfigurationPlan ProxyConfiguration(MeshListener? listener, IEnumerable<int> egressIgnoredPorts)
    {
        var properties = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        properties.Add(new("IgnoredUID", Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (listener is not null)
        {
            properties.Add(new("ProxyIngressPort", ProxyIngressPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        properties.Add(new("ProxyEgressPort", ProxyEgressPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (listener is not null)
        {
            properties.Add(new("AppPorts", listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        properties.Add(new("EgressIgnoredIPs", EgressIgnoredIps));
        var ignored = egressIgnoredPorts.Distinct().Order().ToList();
        if (ignored.Count > 0)
        {
            properties.Add(new("EgressIgnoredPorts", string.Join(",", ignored)));
        }

        return new ProxyConfigurationPlan(ContainerName, properties.ToImmutable());
    }

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
