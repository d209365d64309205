using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// Where the Service Connect proxy of a load-balanced service listens when TLS is on.
/// <para>
/// With TLS, the proxy takes the endpoint's container port and accepts only TLS 1.3 from other
/// Service Connect proxies. A load balancer's plain HTTP (or TCP) target group on that port then fails
/// its health checks and ECS's circuit breaker rolls the deployment back. Two ways out exist: HTTPS
/// target groups behind an ALB listener with a TLS 1.3 policy (AWS's TLS guide), or
/// <c>IngressPortOverride</c>, "the port number for the Service Connect proxy to listen on ... to bypass
/// the proxy for traffic on the port number specified in the named portMapping" (CloudFormation,
/// <c>ServiceConnectService</c>). compose2ecs takes the override: the load balancer (the gateway's, or
/// the base's for published ports) reaches the app on its own port with the protocol and health check
/// it already has, NLBs and gRPC included, and the ALB's HTTPS health checks never meet a TLS-1.3-only
/// target (ELB: "targets fail health checks if they support only TLS 1.3"). Mesh callers reach the
/// proxy on the override port, and their security-group rules open that port, not the app's.
/// </para>
/// <para>
/// The port: the listener port + 10000 when that is free in the task and at most 65535, else the first
/// free port from 10000 up (ECS refuses overrides of 1024 and below). Without TLS nothing changes: the
/// proxy on the container port passes plaintext from the load balancer to the app.
/// </para>
/// </summary>
public static class IngressPorts
{
    public const int Offset = 10000;

    /// <summary>The override per load-balanced mesh service, when TLS is on; empty otherwise.</summary>
    public static ImmutableDictionary<string, int> For(EcsPlan plan, MeshModel mesh)
    {
        if (!mesh.Tls.IsEnabled)
        {
            return ImmutableDictionary<string, int>.Empty;
        }

        var gatewayTargets = mesh.Gateway is { } gateway ? ServiceConnectChecks.GatewayTargets(mesh, gateway).ToHashSet(StringComparer.Ordinal) : [];
        var result = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var service in mesh.Services)
        {
            if (service.Listener is not { } listener || plan.FindService(service.Name) is not { } planned)
            {
                continue;
            }

            var balanced = gatewayTargets.Contains(service.Name)
                || planned.LoadBalancers.Any(lb => lb.TargetGroups.Any(tg => tg.Port == listener.Port));
            if (balanced)
            {
                result[service.Name] = Choose(listener.Port, planned.TaskDefinition.Containers.SelectMany(c => c.Ports).Select(p => p.Port).ToHashSet());
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The listener port + 10000 when free, else the first free port from 10000.</summary>
    public static int Choose(int listenerPort, IReadOnlySet<int> used)
    {
        var preferred = listenerPort + Offset;
        if (preferred <= ushort.MaxValue && !used.Contains(preferred))
        {
            return preferred;
        }

        var port = Offset;
        while (used.Contains(port))
        {
            port++;
        }

        return port;
    }
}
