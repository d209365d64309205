using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// <c>x-mesh.gateway</c>: a Consul API gateway task (gateway-task/main.tf with kind
/// <c>api-gateway</c>: mesh-init, an essential consul-dataplane listening on 8443, health-sync)
/// behind an internet-facing ALB (HTTPS with the certificate, else HTTP) or NLB. Its routes are
/// <c>api-gateway</c> and <c>http-route</c>/<c>tcp-route</c> config entries (<see cref="ConfigEntries"/>).
/// </summary>
internal static class ApiGateway
{
    /// <summary>The ECS service (the stack scopes it); its Consul name is <see cref="ConsulNames.Gateway"/>.</summary>
    public static string Name => ConsulEcsDefaults.GatewayService;

    public static (ServicePlan Service, ImmutableArray<TemplateResource> Resources, ImmutableArray<IngressRulePlan> Ingress, TemplateOutput Output)
        Plan(ConsulContext consul, MeshGateway gateway)
    {
        var config = ConsulConfig.Write(ConsulConfig.Gateway(consul, consul.Servers));
        var caSecrets = MeshTasks.CaSecrets(consul);
        var dataplane = new ContainerPlan
        {
            Name = ConsulEcsDefaults.Dataplane,
            Image = consul.Settings.Images.ConsulDataplane,
            Essential = true,
            User = ConsulEcsDefaults.DataplaneUser,
            EntryPoint = ConsulEcsDefaults.EnvoyEntryPoint,
            Command = ConsulEcsDefaults.DataplaneCommand,
            Ports = [new ContainerPort(ConsulEcsDefaults.GatewayPort, "tcp")],
            MountPoints = [MeshTasks.DataMount(readOnly: true)],
            DependsOn = [new ContainerDependency(ConsulEcsDefaults.MeshInit, "SUCCESS")],
            HealthCheck = new HealthCheckPlan(ConsulEcsDefaults.NetDial(ConsulEcsDefaults.ReadinessPort),
                ConsulEcsDefaults.DataplaneCheckInterval, ConsulEcsDefaults.DataplaneCheckTimeout, ConsulEcsDefaults.DataplaneCheckRetries, 0),
            Ulimits = [new UlimitPlan("nofile", ConsulEcsDefaults.NoFile, ConsulEcsDefaults.NoFile)],
            Cpu = ConsulEcsDefaults.DataplaneCpu,
            MemoryReservationMiB = ConsulEcsDefaults.DataplaneMemory,
            LogStreamPrefix = ConsulEcsDefaults.Dataplane,
        };
        var meshInit = MeshTasks.MeshInit(consul, config, caSecrets, dependsOnClient: false);
        var healthSync = MeshTasks.HealthSync(consul, config, caSecrets, dependsOnClient: false);

        var service = Synthetic.Service(consul, Name, dataplane, discovery: false);
        var ids = service.Ids;
        var kind = gateway.LoadBalancer == GatewayLoadBalancer.Alb ? LoadBalancerKind.Application : LoadBalancerKind.Network;
        var https = kind == LoadBalancerKind.Application && gateway.CertificateArn is not null;
        var listenerProtocol = kind == LoadBalancerKind.Application ? (https ? "HTTPS" : "HTTP") : (gateway.CertificateArn is not null ? "TLS" : "TCP");
        var targetProtocol = kind == LoadBalancerKind.Application ? "HTTP" : "TCP";
        var lbGroup = ids.LoadBalancerSecurityGroup(kind);
        var listenerId = ids.Listener(kind, listenerProtocol, gateway.Port);
        var targetGroupId = ids.TargetGroup(kind, targetProtocol, ConsulEcsDefaults.GatewayPort);

        service = service
            .UpdateTaskDefinition(t => t
                .AddContainers(meshInit, healthSync)
                .AddVolumes(new VolumePlan(ConsulEcsDefaults.DataVolume), new VolumePlan(ConsulEcsDefaults.BinaryVolume)))
            .UpdateEcsService(e => e with
            {
                DependsOn = e.DependsOn.Add(listenerId),
                HealthCheckGracePeriodSeconds = 60,
                Extra = e.Extra.With("LoadBalancers", CfnList.Of(new CfnMapBuilder()
                    .Add("ContainerName", ConsulEcsDefaults.Dataplane)
                    .Add("ContainerPort", ConsulEcsDefaults.GatewayPort)
                    .Add("TargetGroupArn", CfnValue.Ref(targetGroupId))
                    .Build())),
            });
        service = MeshTags.Tag(consul, MeshTasks.AddDiscovery(consul, MeshTasks.AddSecretReads(consul, service)), consul.Names.Gateway, gateway: true);
        if (consul.Settings.Acls)
        {
            service = Acls.TagTaskRole(consul, service, consul.Names.Gateway, gatewayKind: "api-gateway");
        }

        var name = kind == LoadBalancerKind.Application ? "ALB" : "NLB";
        var resources = ImmutableArray.CreateBuilder<TemplateResource>();
        resources.Add(new TemplateResource(lbGroup, "AWS::EC2::SecurityGroup", new CfnMapBuilder()
            .Add("GroupDescription", $"{consul.Model.ProjectName} Consul API gateway {name}")
            .Add("VpcId", consul.BasePlan.Network.VpcId)
            .AddList("SecurityGroupEgress", [new CfnMapBuilder()
                .Add("IpProtocol", "tcp")
                .Add("FromPort", ConsulEcsDefaults.GatewayPort)
                .Add("ToPort", ConsulEcsDefaults.GatewayPort)
                .Add("DestinationSecurityGroupId", CfnValue.GetAtt(ids.SecurityGroup, "GroupId"))
                .Add("Description", $"to the Consul API gateway on {ConsulEcsDefaults.GatewayPort}/tcp")
                .Build()])
            .Build())
        { Owner = Name });
        resources.Add(new TemplateResource(ids.LoadBalancer(kind), "AWS::ElasticLoadBalancingV2::LoadBalancer", new CfnMapBuilder()
            .Add("Type", kind.CfnType())
            .Add("Scheme", "internet-facing")
            .AddList("Subnets", consul.BasePlan.Network.PublicSubnets)
            .AddList("SecurityGroups", [CfnValue.GetAtt(lbGroup, "GroupId")])
            .Build())
        {
            Owner = Name,
            DependsOn = consul.BasePlan.Network.Create ? [SharedIds.PublicDefaultRoute] : [],
        });
        var targetGroup = new CfnMapBuilder()
            .Add("TargetType", "ip")
            .Add("Port", ConsulEcsDefaults.GatewayPort)
            .Add("Protocol", targetProtocol)
            .Add("VpcId", consul.BasePlan.Network.VpcId);
        if (targetProtocol == "HTTP")
        {
            // Envoy answers on every path; a path without an http-route gets 404, which still proves the gateway is up.
            targetGroup.Add("HealthCheckProtocol", "HTTP").Add("HealthCheckPath", "/").Add("Matcher", new CfnMapBuilder().Add("HttpCode", "200-499").Build());
        }

        resources.Add(new TemplateResource(targetGroupId, "AWS::ElasticLoadBalancingV2::TargetGroup", targetGroup.Build()) { Owner = Name });
        var listener = new CfnMapBuilder()
            .Add("LoadBalancerArn", CfnValue.Ref(ids.LoadBalancer(kind)))
            .Add("Port", gateway.Port)
            .Add("Protocol", listenerProtocol)
            .AddList("DefaultActions", [new CfnMapBuilder().Add("Type", "forward").Add("TargetGroupArn", CfnValue.Ref(targetGroupId)).Build()]);
        if (gateway.CertificateArn is { } certificate)
        {
            listener.AddList("Certificates", [new CfnMapBuilder().Add("CertificateArn", certificate).Build()]);
        }

        resources.Add(new TemplateResource(listenerId, "AWS::ElasticLoadBalancingV2::Listener", listener.Build()) { Owner = Name });

        var gatewayGroup = new ServiceSecurityGroup(Name);
        var lb = new LoadBalancerSecurityGroup(Name, kind);
        var prefix = kind.Prefix();
        var ingress = ImmutableArray.CreateBuilder<IngressRulePlan>();

        // The only 0.0.0.0/0 rule: the load balancer's listener.
        ingress.Add(new IngressRulePlan(ids.For($"{prefix}IngressTcp{gateway.Port}"), lb, new CidrSource("0.0.0.0/0"), "tcp", gateway.Port, gateway.Port,
            $"Consul API gateway {prefix.ToUpperInvariant()} listener {gateway.Port}/tcp"));
        ingress.Add(new IngressRulePlan(ids.For($"IngressFrom{prefix}Tcp{ConsulEcsDefaults.GatewayPort}"), gatewayGroup, lb, "tcp", ConsulEcsDefaults.GatewayPort, ConsulEcsDefaults.GatewayPort,
            $"Consul API gateway from its {prefix.ToUpperInvariant()} on {ConsulEcsDefaults.GatewayPort}/tcp"));
        foreach (var target in gateway.Routes.SelectMany(r => r.TargetServices).Distinct().Order(StringComparer.Ordinal))
        {
            var rule = Core.Ecs.Planning.IngressRules.Between(target, Name, "tcp", ConsulEcsDefaults.PublicListenerPort, ConsulEcsDefaults.PublicListenerPort);
            ingress.Add(rule with { Description = $"Consul API gateway to {target} (Envoy public listener {ConsulEcsDefaults.PublicListenerPort}/tcp)" });
        }

        var output = new TemplateOutput(ids.For($"{prefix}DnsName"), CfnValue.GetAtt(ids.LoadBalancer(kind), "DNSName"),
            $"the Consul API gateway's {(kind == LoadBalancerKind.Application ? "application" : "network")} load balancer (listener {gateway.Port}/{listenerProtocol})")
        { Owner = Name };
        return (service, resources.ToImmutable(), ingress.ToImmutable(), output);
    }
}
