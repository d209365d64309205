using System.Collections.Immutable;
using System.Globalization;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// <c>x-mesh.gateway</c> on Service Connect: no gateway proxy to run, so the load balancer goes
/// straight to the target services. One internet-facing ALB (or NLB) in the public subnets, a
/// listener on the gateway port, a target group per target service (IP targets on its listener
/// port), path-prefix listener rules (longest prefix first; <c>/</c> is the default action), and
/// each target admitting the load balancer's group on its listener port only. The load balancer's
/// group is the only one open to <c>0.0.0.0/0</c>, on the gateway port, and its egress reaches the
/// targets' listener ports only.
/// </summary>
public static class GatewayPlanner
{
    /// <summary>ECS attaches at most 5 target groups to one service.</summary>
    public const int MaxTargetGroups = 5;

    public static string LoadBalancerId => LogicalIds.Shared("Gateway");

    public static string SecurityGroupId => LogicalIds.Shared("GatewaySecurityGroup");

    public static string ListenerId => LogicalIds.Shared("GatewayListener");

    public static string RedirectListenerId => LogicalIds.Shared("GatewayRedirectListener");

    /// <summary>ELB's recommended policy: TLS 1.3 and 1.2, no older protocols or weak ciphers.</summary>
    public const string SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>Plain HTTP in front of an HTTPS gateway answers with a permanent redirect, on this port.</summary>
    public const int RedirectPort = 80;

    public static string TargetGroupId(string service) => LogicalIds.For(service, "GatewayTargetGroup");

    public static string RuleId(string pathPrefix) => LogicalIds.Shared("GatewayRule" + LogicalIds.Hash(pathPrefix));

    public static EcsPlan Apply(EcsPlan plan, MeshModel mesh, MeshGateway gateway, ComposeProject project)
    {
        var routes = gateway.Routes
            .Select((route, index) => (Route: route, Index: index, Target: ServiceConnectChecks.GatewayTarget(mesh, route)))
            .Where(r => r.Target is not null && plan.FindService(r.Target) is not null && mesh.FindService(r.Target)?.Listener is not null)
            .ToList();
        if (routes.Count == 0)
        {
            return plan;
        }

        var alb = gateway.LoadBalancer == GatewayLoadBalancer.Alb;
        var targets = routes.Select(r => r.Target!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lbGroup = new ExternalSecurityGroup(CfnValue.GetAtt(SecurityGroupId, "GroupId"));
        var resources = ImmutableArray.CreateBuilder<TemplateResource>();

        resources.Add(new TemplateResource(SecurityGroupId, "AWS::EC2::SecurityGroup", new CfnMapBuilder()
            .Add("GroupDescription", $"{plan.ProjectName} gateway {(alb ? "ALB" : "NLB")}")
            .Add("VpcId", plan.Network.VpcId)
            .AddList("SecurityGroupEgress", targets.Select(t => (CfnValue)new CfnMapBuilder()
                .Add("IpProtocol", "tcp")
                .Add("FromPort", ListenerPort(mesh, t))
                .Add("ToPort", ListenerPort(mesh, t))
                .Add("DestinationSecurityGroupId", CfnValue.GetAtt(new ServiceIds(t).SecurityGroup, "GroupId"))
                .Add("Description", $"to {t} on {ListenerPort(mesh, t)}/tcp")
                .Build()))
            .AddList("Tags", [Tag("Name", $"{plan.StackName}-gateway")])
            .Build()));

        resources.Add(new TemplateResource(LoadBalancerId, "AWS::ElasticLoadBalancingV2::LoadBalancer", new CfnMapBuilder()
            .Add("Type", alb ? "application" : "network")
            .Add("Scheme", "internet-facing")
            .AddList("Subnets", plan.Network.PublicSubnets)
            .AddList("SecurityGroups", [CfnValue.GetAtt(SecurityGroupId, "GroupId")])
            .AddList("Tags", [Tag("compose2ecs:gateway", plan.ProjectName)])
            .Build())
        {
            DependsOn = plan.Network.Create ? [SharedIds.PublicDefaultRoute] : [],
        });

        foreach (var target in targets)
        {
            var probe = HttpProbe.Find(project.FindService(target)?.Healthcheck);
            var composePath = probe is { } p && p.Port == mesh.FindService(target)!.Listener!.Port ? p.Path : null;
            resources.Add(new TemplateResource(TargetGroupId(target), "AWS::ElasticLoadBalancingV2::TargetGroup", TargetGroup(plan, mesh.FindService(target)!, alb, composePath)));
        }

        // Longest prefix first, so /api/v2 wins over /api; "/" is the listener's default action.
        var ordered = routes.Where(r => r.Route.PathPrefix != "/")
            .OrderByDescending(r => r.Route.PathPrefix.Length).ThenBy(r => r.Index).ToList();
        var fallback = routes.FirstOrDefault(r => r.Route.PathPrefix == "/" || !alb);
        resources.Add(new TemplateResource(ListenerId, "AWS::ElasticLoadBalancingV2::Listener", Listener(gateway, alb, fallback.Target)));
        var redirect = alb && gateway.CertificateArn is not null && gateway.Port != RedirectPort;
        if (redirect)
        {
            resources.Add(new TemplateResource(RedirectListenerId, "AWS::ElasticLoadBalancingV2::Listener", new CfnMapBuilder()
                .Add("LoadBalancerArn", CfnValue.Ref(LoadBalancerId))
                .Add("Port", RedirectPort)
                .Add("Protocol", "HTTP")
                .AddList("DefaultActions", [new CfnMapBuilder()
                    .Add("Type", "redirect")
                    .Add("RedirectConfig", new CfnMapBuilder()
                        .Add("Protocol", "HTTPS")
                        .Add("Port", gateway.Port.ToString(CultureInfo.InvariantCulture))
                        .Add("StatusCode", "HTTP_301")
                        .Build())
                    .Build()])
                .Build()));
        }
        if (alb)
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                resources.Add(new TemplateResource(RuleId(ordered[i].Route.PathPrefix), "AWS::ElasticLoadBalancingV2::ListenerRule", new CfnMapBuilder()
                    .Add("ListenerArn", CfnValue.Ref(ListenerId))
                    .Add("Priority", i + 1)
                    .AddList("Conditions", [new CfnMapBuilder()
                        .Add("Field", "path-pattern")
                        .Add("PathPatternConfig", new CfnMapBuilder().AddList("Values", PathPatterns(ordered[i].Route.PathPrefix)).Build())
                        .Build()])
                    .AddList("Actions", [Forward(ordered[i].Target!)])
                    .Build()));
            }
        }

        var ingress = new List<IngressRulePlan>
        {
            new(LogicalIds.Shared($"GatewayIngressTcp{gateway.Port}"), lbGroup, new CidrSource("0.0.0.0/0"), "tcp", gateway.Port, gateway.Port,
                $"{plan.ProjectName} gateway listener {gateway.Port}/tcp"),
        };
        if (redirect)
        {
            ingress.Add(new(LogicalIds.Shared($"GatewayIngressTcp{RedirectPort}"), lbGroup, new CidrSource("0.0.0.0/0"), "tcp", RedirectPort, RedirectPort,
                $"{plan.ProjectName} gateway HTTP to HTTPS redirect {RedirectPort}/tcp"));
        }

        var diagnostics = new DiagnosticBag();
        foreach (var target in targets)
        {
            var port = ListenerPort(mesh, target);
            ingress.Add(new IngressRulePlan(new ServiceIds(target).For($"IngressFromGatewayTcp{port}"), new ServiceSecurityGroup(target), lbGroup, "tcp", port, port,
                $"{target} from the gateway on {port}/tcp"));
            var waitFor = new[] { ListenerId }.Concat(ordered.Where(r => r.Target == target).Select(r => RuleId(r.Route.PathPrefix)));
            plan = plan.UpdateService(target, service => Attach(service, port, [.. waitFor], diagnostics));
        }

        diagnostics.ThrowIfErrors();
        return plan
            .AddResources(resources.ToImmutable())
            .AddIngress(ingress)
            .AddOutputs(new TemplateOutput(LogicalIds.Shared("GatewayDnsName"), CfnValue.GetAtt(LoadBalancerId, "DNSName"),
                $"the gateway's {(alb ? "application" : "network")} load balancer DNS name (listener {gateway.Port})"));
    }

    private static int ListenerPort(MeshModel mesh, string service) => mesh.FindService(service)!.Listener!.Port;

    /// <summary>The ECS service registers its tasks in the gateway's target group (next to any load balancer of its own published ports).</summary>
    private static ServicePlan Attach(ServicePlan service, int port, ImmutableArray<string> waitFor, DiagnosticBag diagnostics)
    {
        var ids = service.Ids;
        var own = service.LoadBalancers.SelectMany(lb => lb.TargetGroups.Select(tg => (CfnValue)new CfnMapBuilder()
            .Add("ContainerName", service.TaskDefinition.AppContainerName)
            .Add("ContainerPort", tg.Port)
            .Add("TargetGroupArn", CfnValue.Ref(ids.TargetGroup(lb.Kind, tg.Protocol, tg.Port)))
            .Build()));
        var gateway = new CfnMapBuilder()
            .Add("ContainerName", service.TaskDefinition.AppContainerName)
            .Add("ContainerPort", port)
            .Add("TargetGroupArn", CfnValue.Ref(TargetGroupId(service.Name)))
            .Build();
        var all = own.Append(gateway).ToList();
        if (all.Count > MaxTargetGroups)
        {
            diagnostics.Error(service.Location, ServiceConnectDiagnosticCodes.TargetGroupLimit,
                $"services.{service.Name}: the gateway's target group would be its {all.Count}th, and ECS attaches at most {MaxTargetGroups} to a service; publish fewer ports of it");
        }

        return service.UpdateEcsService(ecs => ecs with
        {
            Extra = ecs.Extra.With("LoadBalancers", CfnList.Of(all)),
            HealthCheckGracePeriodSeconds = ecs.HealthCheckGracePeriodSeconds ?? 60,
            DependsOn = [.. ecs.DependsOn.Concat(waitFor).Distinct()],
        });
    }

    private static CfnMap TargetGroup(EcsPlan plan, MeshService service, bool alb, string? composePath)
    {
        var listener = service.Listener!;
        var check = listener.HealthCheck;
        var interval = Clamp(check?.Interval.TotalSeconds ?? 10, 5, 300);
        var builder = new CfnMapBuilder()
            .Add("TargetType", "ip")
            .Add("Port", listener.Port)
            .Add("Protocol", alb ? "HTTP" : "TCP")
            .Add("VpcId", plan.Network.VpcId)
            .Add("HealthCheckIntervalSeconds", interval)
            .Add("HealthCheckTimeoutSeconds", Math.Min(Clamp(check?.Timeout.TotalSeconds ?? 2, 2, 120), interval - 1))
            .Add("HealthyThresholdCount", Clamp(check?.HealthyThreshold ?? MeshHealthCheck.DefaultHealthyThreshold, 2, 10))
            .Add("UnhealthyThresholdCount", Clamp(check?.UnhealthyThreshold ?? MeshHealthCheck.DefaultUnhealthyThreshold, 2, 10));
        if (!alb)
        {
            return builder.Add("HealthCheckProtocol", "TCP").Build();
        }

        if (listener.Protocol == MeshProtocol.Grpc)
        {
            return builder.Add("ProtocolVersion", "GRPC")
                .Add("HealthCheckPath", "/AWS.ALB/healthcheck")
                .Add("Matcher", new CfnMapBuilder().Add("GrpcCode", "0-99").Build())
                .Build();
        }

        return builder
            .Add("ProtocolVersion", listener.Protocol == MeshProtocol.Http2 ? "HTTP2" : null)
            .Add("HealthCheckProtocol", "HTTP")
            // The mesh health check's path; else the URL the compose healthcheck probes on the listener port; else /.
            .Add("HealthCheckPath", check?.Path ?? composePath ?? MeshHealthCheck.DefaultPath)
            .Add("Matcher", new CfnMapBuilder().Add("HttpCode", "200-399").Build())
            .Build();
    }

    private static CfnMap Listener(MeshGateway gateway, bool alb, string? fallback)
    {
        var secure = gateway.CertificateArn is not null;
        var builder = new CfnMapBuilder()
            .Add("LoadBalancerArn", CfnValue.Ref(LoadBalancerId))
            .Add("Port", gateway.Port)
            .Add("Protocol", alb ? (secure ? "HTTPS" : "HTTP") : (secure ? "TLS" : "TCP"));
        if (gateway.CertificateArn is { } certificate)
        {
            builder.AddList("Certificates", [new CfnMapBuilder().Add("CertificateArn", certificate).Build()])
                .Add("SslPolicy", SslPolicy);
        }

        var action = fallback is not null
            ? Forward(fallback)
            : new CfnMapBuilder()
                .Add("Type", "fixed-response")
                .Add("FixedResponseConfig", new CfnMapBuilder().Add("StatusCode", "404").Add("ContentType", "text/plain").Add("MessageBody", "not found").Build())
                .Build();
        return builder.AddList("DefaultActions", [action]).Build();
    }

    private static CfnMap Forward(string target) => new CfnMapBuilder()
        .Add("Type", "forward")
        .Add("TargetGroupArn", CfnValue.Ref(TargetGroupId(target)))
        .Build();

    /// <summary><c>/api</c> matches <c>/api</c> and <c>/api/…</c>; <c>/api/</c> matches <c>/api/…</c>.</summary>
    private static IEnumerable<CfnValue> PathPatterns(string prefix) =>
        prefix.EndsWith('/') ? [prefix + "*"] : [prefix, prefix + "/*"];

    private static int Clamp(double value, int min, int max) => (int)Math.Clamp(Math.Ceiling(value), min, max);

    private static CfnMap Tag(string key, string value) => new CfnMapBuilder().Add("Key", key).Add("Value", value).Build();
}
