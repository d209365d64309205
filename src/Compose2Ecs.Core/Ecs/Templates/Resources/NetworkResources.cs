using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates.Resources;

/// <summary>
/// The shared resources: a VPC when none is imported (2 AZs, a public and a private subnet in
/// each, one NAT gateway, DHCP options whose search domain is the namespace), the ECS cluster
/// unless one is named, and the Cloud Map namespace unless an existing one is named. No look-ups: AZs come from <c>Fn::GetAZs</c>.
/// </summary>
internal static class NetworkResources
{
    public static IEnumerable<TemplateResource> Build(EcsPlan plan)
    {
        if (plan.Network.Create)
        {
            foreach (var resource in Vpc(plan))
            {
                yield return resource;
            }
        }

        if (plan.Cluster.Create)
        {
            yield return new TemplateResource(SharedIds.Cluster, "AWS::ECS::Cluster",
                new CfnMapBuilder().AddList("Tags", [Tag("compose2ecs:project", plan.ProjectName)]).Build());
        }

        if (!plan.Namespace.Create)
        {
            yield break; // an existing namespace, shared with other stacks
        }

        yield return new TemplateResource(SharedIds.Namespace, "AWS::ServiceDiscovery::PrivateDnsNamespace", new CfnMapBuilder()
            .Add("Name", plan.Namespace.Name)
            .Add("Vpc", plan.Network.VpcId)
            .Add("Description", $"{plan.ProjectName}: service discovery")
            .Build());
    }

    private static IEnumerable<TemplateResource> Vpc(EcsPlan plan)
    {
        var vpc = CfnValue.Ref(SharedIds.Vpc);
        yield return new TemplateResource(SharedIds.Vpc, "AWS::EC2::VPC", new CfnMapBuilder()
            .Add("CidrBlock", "10.0.0.0/16")
            .Add("EnableDnsHostnames", true)
            .Add("EnableDnsSupport", true)
            .AddList("Tags", [Tag("Name", plan.StackName)])
            .Build());
        yield return new TemplateResource(SharedIds.InternetGateway, "AWS::EC2::InternetGateway",
            new CfnMapBuilder().AddList("Tags", [Tag("Name", plan.StackName)]).Build());
        yield return new TemplateResource(SharedIds.InternetGatewayAttachment, "AWS::EC2::VPCGatewayAttachment", new CfnMapBuilder()
            .Add("VpcId", vpc)
            .Add("InternetGatewayId", CfnValue.Ref(SharedIds.InternetGateway))
            .Build());

        yield return RouteTable(SharedIds.PublicRouteTable, vpc, plan, "public");
        yield return new TemplateResource(SharedIds.PublicDefaultRoute, "AWS::EC2::Route", new CfnMapBuilder()
            .Add("RouteTableId", CfnValue.Ref(SharedIds.PublicRouteTable))
            .Add("DestinationCidrBlock", "0.0.0.0/0")
            .Add("GatewayId", CfnValue.Ref(SharedIds.InternetGateway))
            .Build()) { DependsOn = [SharedIds.InternetGatewayAttachment] };
        yield return RouteTable(SharedIds.PrivateRouteTable, vpc, plan, "private");

        string[] publicCidrs = ["10.0.0.0/18", "10.0.64.0/18"];
        string[] privateCidrs = ["10.0.128.0/18", "10.0.192.0/18"];
        for (var n = 1; n <= 2; n++)
        {
            yield return Subnet(SharedIds.PublicSubnet(n), vpc, publicCidrs[n - 1], n, plan, isPublic: true);
            yield return Association(SharedIds.PublicSubnetRouteTableAssociation(n), SharedIds.PublicSubnet(n), SharedIds.PublicRouteTable);
            yield return Subnet(SharedIds.PrivateSubnet(n), vpc, privateCidrs[n - 1], n, plan, isPublic: false);
            yield return Association(SharedIds.PrivateSubnetRouteTableAssociation(n), SharedIds.PrivateSubnet(n), SharedIds.PrivateRouteTable);
        }

        yield return new TemplateResource(SharedIds.NatEip, "AWS::EC2::EIP", new CfnMapBuilder()
            .Add("Domain", "vpc")
            .AddList("Tags", [Tag("Name", plan.StackName)])
            .Build()) { DependsOn = [SharedIds.InternetGatewayAttachment] };
        yield return new TemplateResource(SharedIds.NatGateway, "AWS::EC2::NatGateway", new CfnMapBuilder()
            .Add("SubnetId", CfnValue.Ref(SharedIds.PublicSubnet(1)))
            .Add("AllocationId", CfnValue.GetAtt(SharedIds.NatEip, "AllocationId"))
            .AddList("Tags", [Tag("Name", plan.StackName)])
            .Build()) { DependsOn = [SharedIds.PublicDefaultRoute, SharedIds.PublicSubnetRouteTableAssociation(1)] };
        yield return new TemplateResource(SharedIds.PrivateDefaultRoute, "AWS::EC2::Route", new CfnMapBuilder()
            .Add("RouteTableId", CfnValue.Ref(SharedIds.PrivateRouteTable))
            .Add("DestinationCidrBlock", "0.0.0.0/0")
            .Add("NatGatewayId", CfnValue.Ref(SharedIds.NatGateway))
            .Build());

        if (plan.Network.SearchDomain is { } domain)
        {
            // The search domain lets apps keep compose's short names: "db" resolves as db.<namespace>.
            yield return new TemplateResource(SharedIds.DhcpOptions, "AWS::EC2::DHCPOptions", new CfnMapBuilder()
                .Add("DomainName", domain)
                .AddList("DomainNameServers", ["AmazonProvidedDNS"])
                .AddList("Tags", [Tag("Name", plan.StackName)])
                .Build());
            yield return new TemplateResource(SharedIds.DhcpOptionsAssociation, "AWS::EC2::VPCDHCPOptionsAssociation", new CfnMapBuilder()
                .Add("VpcId", vpc)
                .Add("DhcpOptionsId", CfnValue.Ref(SharedIds.DhcpOptions))
                .Build());
        }
    }

    private static TemplateResource RouteTable(string id, CfnValue vpc, EcsPlan plan, string kind) =>
        new(id, "AWS::EC2::RouteTable", new CfnMapBuilder()
            .Add("VpcId", vpc)
            .AddList("Tags", [Tag("Name", $"{plan.StackName}-{kind}")])
            .Build());

    private static TemplateResource Subnet(string id, CfnValue vpc, string cidr, int n, EcsPlan plan, bool isPublic) =>
        new(id, "AWS::EC2::Subnet", new CfnMapBuilder()
            .Add("VpcId", vpc)
            .Add("CidrBlock", cidr)
            .Add("AvailabilityZone", CfnValue.Select(n - 1, CfnValue.GetAZs()))
            .Add("MapPublicIpOnLaunch", isPublic)
            .AddList("Tags", [Tag("Name", $"{plan.StackName}-{(isPublic ? "public" : "private")}-{n}")])
            .Build());

    private static TemplateResource Association(string id, string subnet, string routeTable) =>
        new(id, "AWS::EC2::SubnetRouteTableAssociation", new CfnMapBuilder()
            .Add("SubnetId", CfnValue.Ref(subnet))
            .Add("RouteTableId", CfnValue.Ref(routeTable))
            .Build());

    public static CfnMap Tag(string key, string value) => new CfnMapBuilder().Add("Key", key).Add("Value", value).Build();
}
