using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates.Resources;

/// <summary>Each <see cref="IngressRulePlan"/> → one <c>AWS::EC2::SecurityGroupIngress</c>.</summary>
internal static class IngressResources
{
    public static TemplateResource Build(IngressRulePlan rule)
    {
        var builder = new CfnMapBuilder()
            .Add("GroupId", GroupId(rule.Target))
            .Add("IpProtocol", rule.Protocol)
            .Add("FromPort", rule.FromPort)
            .Add("ToPort", rule.ToPort)
            .Add("Description", rule.Description);
        if (rule.Source is CidrSource cidr)
        {
            builder.Add("CidrIp", cidr.Cidr);
        }
        else
        {
            builder.Add("SourceSecurityGroupId", GroupId(rule.Source));
        }

        return new TemplateResource(rule.LogicalId, "AWS::EC2::SecurityGroupIngress", builder.Build()) { Owner = rule.Owner };
    }

    public static CfnValue GroupId(SecurityGroupRef group) => group switch
    {
        ServiceSecurityGroup s => CfnValue.GetAtt(new ServiceIds(s.Service).SecurityGroup, "GroupId"),
        LoadBalancerSecurityGroup lb => CfnValue.GetAtt(new ServiceIds(lb.Service).LoadBalancerSecurityGroup(lb.Kind), "GroupId"),
        ExternalSecurityGroup external => external.GroupId,
        _ => throw new ArgumentException($"{group} is not a security group", nameof(group)),
    };
}
