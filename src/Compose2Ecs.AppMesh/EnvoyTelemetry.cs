using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// <c>x-mesh.appmesh.tracing</c> and <c>stats</c>, the switches the CDK's App Mesh extension offers:
/// <list type="bullet">
/// <item><c>stats: true</c>: Envoy tags its stats with mesh, node and service names
/// (<c>ENABLE_ENVOY_STATS_TAGS</c>) and sends them as DogStatsD to <c>127.0.0.1:8125</c>
/// (<c>ENABLE_ENVOY_DOG_STATSD</c>), where a StatsD receiver in the task (the CloudWatch agent, say)
/// picks them up; without one the UDP datagrams go nowhere and cost nothing.</item>
/// <item><c>tracing: xray</c>: Envoy sends spans to the X-Ray daemon (<c>ENABLE_ENVOY_XRAY_TRACING</c>,
/// UDP <c>127.0.0.1:2000</c>), which runs as a sidecar in every mesh task and the gateway. It runs as
/// Envoy's uid 1337, like the CDK's XRayExtension does, so that its HTTPS calls to X-Ray are exempt from
/// the proxy (under DROP_ALL Envoy would drop them). It is not essential: tracing stopping must not
/// stop the app. Its permissions are X-Ray's write actions, which take no resource.</item>
/// </list>
/// </summary>
public static class EnvoyTelemetry
{
    public const string XRayContainerName = "xray-daemon";

    /// <summary>The official daemon image on ECR Public, major version 3 (its documented tag).</summary>
    public const string XRayImage = "public.ecr.aws/xray/aws-xray-daemon:3.x";

    /// <summary>The memory reservation AWS's X-Ray task definition example gives the daemon (MiB).</summary>
    public const int XRayMemoryMiB = 256;

    /// <summary>What Envoy's environment gets for the switches, by name.</summary>
    public static IEnumerable<ContainerEnvironment> EnvoyEnvironment(AppMeshSettings settings)
    {
        if (settings.Stats)
        {
            yield return new ContainerEnvironment("ENABLE_ENVOY_DOG_STATSD", "1");
            yield return new ContainerEnvironment("ENABLE_ENVOY_STATS_TAGS", "1");
        }

        if (settings.Tracing == AppMeshTracing.XRay)
        {
            yield return new ContainerEnvironment("ENABLE_ENVOY_XRAY_TRACING", "1");
        }
    }

    /// <summary>The X-Ray daemon sidecar, or nothing when tracing is off.</summary>
    public static IEnumerable<ContainerPlan> Sidecars(AppMeshSettings settings)
    {
        if (settings.Tracing != AppMeshTracing.XRay)
        {
            yield break;
        }

        yield return new ContainerPlan
        {
            Name = XRayContainerName,
            Image = XRayImage,
            Essential = false,
            User = EnvoySidecar.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Environment = [new ContainerEnvironment("AWS_REGION", CfnValue.Ref("AWS::Region"))],
            MemoryReservationMiB = XRayMemoryMiB,
            LogStreamPrefix = XRayContainerName,
        };
    }

    /// <summary>The daemon's upload rights: X-Ray's write actions have no resource-level permissions, so <c>*</c>.</summary>
    public static IEnumerable<IamStatement> TaskStatements(AppMeshSettings settings)
    {
        if (settings.Tracing == AppMeshTracing.XRay)
        {
            yield return new IamStatement(
                ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"],
                [CfnValue.Of("*")]);
        }
    }

    /// <summary>Envoy with the switches' environment (kept sorted by name) and, with tracing, started after the daemon.</summary>
    public static ContainerPlan Apply(ContainerPlan envoy, AppMeshSettings settings)
    {
        envoy = envoy with { Environment = [.. envoy.Environment.Concat(EnvoyEnvironment(settings)).OrderBy(e => e.Name, StringComparer.Ordinal)] };
        return settings.Tracing == AppMeshTracing.XRay ? envoy.AddDependency(XRayContainerName, "START") : envoy;
    }
}
