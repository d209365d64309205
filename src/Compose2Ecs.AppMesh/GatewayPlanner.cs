using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// <c>x-mesh.gateway</c> → an App Mesh virtual gateway with one gateway route per gateway route,
/// run as an Envoy-only ECS service (<see cref="AppMeshNames.GatewayService"/>) behind an
/// internet-facing ALB or NLB on the gateway port. The ECS base builds that service like any other
/// (task definition, security group, log group, roles, load balancer) from the plan added here.
/// The gateway's group accepts only its load balancer; each target accepts the gateway on its listener port.
/// </summary>
public static class GatewayPlanner
{
    private const string Anywhere = "0.0.0.0/0";

    /// <summary>Envoy's admin interface; its <c>/ready</c> answers 200 once Envoy has its configuration and is live.</summary>
    public const int AdminPort = 9901;

    public const string ReadyPath = "/ready";

    public const int GatewayTasks = 2;

    /// <summary>
    /// The port the gateway's Envoy listens on. Envoy runs as uid 1337, and a process that is not
    /// root cannot bind below 1024; rather than run the mesh's only way in as root (what leaving
    /// out <c>user</c> would do), Envoy listens on an unprivileged port (80 → 8080, 443 → 8443)
    /// and the load balancer keeps the gateway port, as App Mesh's ingress walkthrough does (NLB 443 → Envoy 9080).
    /// </summary>
    public static int EnvoyListenerPort(int gatewayPort) => gatewayPort >= 1024 ? gatewayPort : 8000 + gatewayPort;

    public static EcsPlan Apply(EcsPlan plan, AppMeshNames names, MeshGateway gateway)
    {
        var model = names.Model;
        var service = GatewayService(plan, names, gateway);
        var ids = service.Ids;
        var lb = service.LoadBalancers[0];
        var prefix = lb.Kind.Prefix();
        var lbGroup = new LoadBalancerSecurityGroup(service.Name, lb.Kind);
        var envoyPort = EnvoyListenerPort(gateway.Port);
        IngressRulePlan[] lbRules =
        [
            new(ids.For($"{prefix}IngressTcp{gateway.Port}"), lbGroup, new CidrSource(Anywhere), "tcp", gateway.Port, gateway.Port,
                $"gateway {prefix.ToUpperInvariant()} listener {gateway.Port}/tcp"),
            new(ids.For($"IngressFrom{prefix}Tcp{envoyPort}"), new ServiceSecurityGroup(service.Name), lbGroup, "tcp", envoyPort, envoyPort,
                $"gateway from its {prefix.ToUpperInvariant()} on {envoyPort}/tcp"),

            // The load balancer's health check reads Envoy's readiness on the admin port; nothing
            // else can reach it (the load balancer forwards traffic only to the listener port).
            new(ids.For($"IngressFrom{prefix}Tcp{AdminPort}"), new ServiceSecurityGroup(service.Name), lbGroup, "tcp", AdminPort, AdminPort,
                $"gateway Envoy readiness from its {prefix.ToUpperInvariant()} on {AdminPort}/tcp"),
        ];
        var targetRules = gateway.Routes
            .SelectMany(r => r.TargetServices)
            .Distinct()
            .Select(t => model.FindService(t)?.Listener is { } listener ? IngressRules.Between(t, service.Name, "tcp", listener.Port, listener.Port) : null)
            .OfType<IngressRulePlan>()
            .DistinctBy(r => r.LogicalId);

        var services = plan.Services.Add(service).Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return (plan with { Services = services })
            .AddResources(Resources(names, gateway))
            .AddIngress([.. lbRules, .. targetRules])
            .AddOutputs(new TemplateOutput(ids.For($"{prefix}DnsName"), CfnValue.GetAtt(ids.LoadBalancer(lb.Kind), "DNSName"),
                $"the mesh gateway's {(lb.Kind == LoadBalancerKind.Application ? "application" : "network")} load balancer's DNS name (listener {gateway.Port})")
            {
                Owner = service.Name,
            });
    }

    private static ServicePlan GatewayService(EcsPlan plan, AppMeshNames names, MeshGateway gateway)
    {
        var model = names.Model;
        var ids = new ServiceIds(AppMeshNames.GatewayService);
        var gatewayArn = CfnValue.GetAtt(AppMeshNames.VirtualGatewayId, "Arn");
        var kind = gateway.LoadBalancer == GatewayLoadBalancer.Alb ? LoadBalancerKind.Application : LoadBalancerKind.Network;
        var protocol = kind == LoadBalancerKind.Application ? "HTTP" : "TCP";
        var envoyPort = EnvoyListenerPort(gateway.Port);

        // The target group checks the gateway's own Envoy (ready on its admin port), not a path
        // forwarded to an app: an app that is down or answers 4xx must not get every gateway task killed.
        var listener = new ListenerPlan(gateway.Port, protocol, envoyPort, ReadyPath, AdminPort)
        {
            CertificateArn = gateway.CertificateArn is { } certificate ? CfnValue.Of(certificate) : null,
        };
        var envoy = EnvoySidecar.Container(model.Settings<AppMeshSettings>(), EnvoySizing.Cpu(model, []), gatewayArn, [new ContainerPort(envoyPort, "tcp"), new ContainerPort(AdminPort, "tcp")]);
        var taskStatements = new List<IamStatement> { EnvoySidecar.StreamAggregatedResources(gatewayArn) };
        taskStatements.AddRange(EnvoyTelemetry.TaskStatements(model.Settings<AppMeshSettings>()));
        taskStatements.AddRange(MeshServiceTasks.TlsStatements(model.Tls, certificate: null));
        return ServiceKit.Service(plan, new BackendService(AppMeshNames.GatewayService, gateway.Location,
            [envoy, .. EnvoyTelemetry.Sidecars(model.Settings<AppMeshSettings>())], $"{plan.ProjectName} App Mesh gateway (Envoy)")
        {
            AppContainerName = EnvoySidecar.ContainerName,
            // Two tasks: the gateway is the only way in.
            DesiredCount = GatewayTasks,
            MaximumPercent = MeshDeployment.MaximumPercentFor(GatewayTasks),
            DependsOn = [ids.Listener(kind, protocol, gateway.Port)],
            HealthCheckGracePeriodSeconds = 60,
            TaskStatements = [.. taskStatements],
            ExecutionStatements = [.. EnvoyImage.PullStatements(model.Settings<AppMeshSettings>().EnvoyImage)],
            LoadBalancers = [new LoadBalancerPlan(kind, [listener])],
        });
    }

    /// <summary>The virtual gateway (an http listener on the gateway port) and its routes, longest prefix first.</summary>
    private static IEnumerable<TemplateResource> Resources(AppMeshNames names, MeshGateway gateway)
    {
        var model = names.Model;
        yield return new TemplateResource(AppMeshNames.VirtualGatewayId, "AWS::AppMesh::VirtualGateway", names.Start()
            .Add("VirtualGatewayName", names.VirtualGateway)
            .Add("Spec", new CfnMapBuilder()
                .AddList("Listeners", [new CfnMapBuilder()
                    .Add("PortMapping", AppMeshValues.PortMapping(EnvoyListenerPort(gateway.Port), MeshProtocol.Http))
                    .Build()])
                .AddMap("BackendDefaults", AppMeshValues.TlsClientPolicy(model.Tls))
                .AddMap("Logging", AppMeshValues.Logging(model.Settings<AppMeshSettings>()))
                .Build())
            .Build())
        { Owner = AppMeshNames.GatewayService };

        var ordered = gateway.Routes
            .OrderByDescending(r => r.PathPrefix.Length)
            .ThenBy(r => r.PathPrefix, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var route = ordered[i];
            var http = new CfnMapBuilder()
                .Add("Match", new CfnMapBuilder().Add("Prefix", route.PathPrefix).Build())
                .Add("Action", new CfnMapBuilder()
                    .Add("Target", new CfnMapBuilder().Add("VirtualService", new CfnMapBuilder()
                        .Add("VirtualServiceName", CfnValue.GetAtt(AppMeshNames.VirtualServiceId(route.To), "VirtualServiceName"))
                        .Build()).Build())
                    // App Mesh rewrites a matched prefix to "/" unless told not to; the spec forwards
                    // requests as they came, as the load balancer would.
                    .Add("Rewrite", new CfnMapBuilder().Add("Prefix", new CfnMapBuilder().Add("DefaultPrefix", "DISABLED").Build()).Build())
                    .Build())
                .Build();
            yield return new TemplateResource(AppMeshNames.GatewayRouteId(route.PathPrefix), "AWS::AppMesh::GatewayRoute", names.Start()
                .Add("VirtualGatewayName", CfnValue.GetAtt(AppMeshNames.VirtualGatewayId, "VirtualGatewayName"))
                .Add("GatewayRouteName", AppMeshNames.GatewayRouteName(route))
                .Add("Spec", new CfnMapBuilder().Add("Priority", i).Add("HttpRoute", http).Build())
                .Build())
            { Owner = AppMeshNames.GatewayService };
        }
    }
}
