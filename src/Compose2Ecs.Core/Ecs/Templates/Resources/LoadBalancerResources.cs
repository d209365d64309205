using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates.Resources;

/// <summary>
/// A service's load balancers: the load balancer and its security group (egress only to the
/// service's target ports, replacing the default allow-all), a target group per container port
/// (IP targets), and a listener per published port.
/// </summary>
internal static class LoadBalancerResources
{
    public static IEnumerable<TemplateResource> Build(EcsPlan plan, ServicePlan service)
    {
        var ids = service.Ids;
        foreach (var lb in service.LoadBalancers)
        {
            var kind = lb.Kind;
            var name = kind == LoadBalancerKind.Application ? "ALB" : "NLB";
            var egress = lb.TargetPorts.Select(t => (CfnValue)new CfnMapBuilder()
                .Add("IpProtocol", t.Protocol)
                .Add("FromPort", t.Port)
                .Add("ToPort", t.Port)
                .Add("DestinationSecurityGroupId", CfnValue.GetAtt(ids.SecurityGroup, "GroupId"))
                .Add("Description", $"to {service.Name} on {t.Port}/{t.Protocol}")
                .Build());
            yield return new TemplateResource(ids.LoadBalancerSecurityGroup(kind), "AWS::EC2::SecurityGroup", new CfnMapBuilder()
                .Add("GroupDescription", AwsNames.Fit($"{plan.ProjectName} {service.Name} {name}", AwsNames.SecurityGroupDescription))
                .Add("VpcId", plan.Network.VpcId)
                .AddList("SecurityGroupEgress", egress)
                .AddList("Tags", [NetworkResources.Tag("Name", AwsNames.Fit($"{plan.StackName}-{service.Name}-{name.ToLowerInvariant()}", AwsNames.TagValue))])
                .Build())
            { Owner = service.Name };

            yield return new TemplateResource(ids.LoadBalancer(kind), "AWS::ElasticLoadBalancingV2::LoadBalancer", new CfnMapBuilder()
                .Add("Type", kind.CfnType())
                .Add("Scheme", "internet-facing")
                .AddList("Subnets", plan.Network.PublicSubnets)
                .AddList("SecurityGroups", [CfnValue.GetAtt(ids.LoadBalancerSecurityGroup(kind), "GroupId")])
                .AddList("Tags", [NetworkResources.Tag("compose2ecs:service", service.Name)])
                .Build())
            {
                Owner = service.Name,
                DependsOn = plan.Network.Create ? [SharedIds.PublicDefaultRoute] : [],
            };

            foreach (var tg in lb.TargetGroups)
            {
                yield return new TemplateResource(ids.TargetGroup(kind, tg.Protocol, tg.Port), "AWS::ElasticLoadBalancingV2::TargetGroup", TargetGroup(plan, tg))
                { Owner = service.Name };
            }

            foreach (var listener in lb.Listeners)
            {
                yield return new TemplateResource(ids.Listener(kind, listener.Protocol, listener.Port), "AWS::ElasticLoadBalancingV2::Listener", new CfnMapBuilder()
                    .Add("LoadBalancerArn", CfnValue.Ref(ids.LoadBalancer(kind)))
                    .Add("Port", listener.Port)
                    .Add("Protocol", listener.ListenerProtocol)
                    .AddList("Certificates", listener.CertificateArn is { } certificate ? [new CfnMapBuilder().Add("CertificateArn", certificate).Build()] : [])
                    .AddList("DefaultActions", [new CfnMapBuilder()
                        .Add("Type", "forward")
                        .Add("TargetGroupArn", CfnValue.Ref(ids.TargetGroup(kind, listener.Protocol, listener.TargetPort)))
                        .Build()])
                    .Build())
                { Owner = service.Name };
            }
        }
    }

    private static CfnMap TargetGroup(EcsPlan plan, TargetGroupPlan tg)
    {
        var builder = new CfnMapBuilder()
            .Add("TargetType", "ip")
            .Add("Port", tg.Port)
            .Add("Protocol", tg.Protocol)
            .Add("VpcId", plan.Network.VpcId);
        // An HTTP check: an ALB's own traffic, or any target group told a path (a proxy's readiness
        // endpoint on its admin port, say), on the traffic port unless a health-check port is given.
        if (tg.Protocol == "HTTP" || tg.HealthCheckPath is not null)
        {
            builder.Add("HealthCheckProtocol", "HTTP")
                .Add("HealthCheckPort", tg.HealthCheckPort?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("HealthCheckPath", tg.HealthCheckPath ?? "/")
                .Add("Matcher", new CfnMapBuilder().Add("HttpCode", "200-399").Build());
        }
        else if (tg.HealthCheckPort is { } port)
        {
            builder.Add("HealthCheckProtocol", "TCP")
                .Add("HealthCheckPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Build();
    }
}
