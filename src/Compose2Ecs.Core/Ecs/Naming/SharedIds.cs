namespace Compose2Ecs.Core.Ecs.Naming;

/// <summary>The logical IDs of the resources every service shares.</summary>
public static class SharedIds
{
    public const string Vpc = "Vpc";
    public const string InternetGateway = "InternetGateway";
    public const string InternetGatewayAttachment = "InternetGatewayAttachment";
    public const string PublicRouteTable = "PublicRouteTable";
    public const string PublicDefaultRoute = "PublicDefaultRoute";
    public const string NatEip = "NatEip";
    public const string NatGateway = "NatGateway";
    public const string PrivateRouteTable = "PrivateRouteTable";
    public const string PrivateDefaultRoute = "PrivateDefaultRoute";
    public const string DhcpOptions = "DhcpOptions";
    public const string DhcpOptionsAssociation = "DhcpOptionsAssociation";
    public const string Cluster = "Cluster";
    public const string Namespace = "Namespace";

    /// <summary>Nested stack <paramref name="index"/> when the application is split (see <see cref="Templates.StackSplitter"/>).</summary>
    public static string ServiceGroup(int index) => $"ServiceGroup{index}";

    public static string PublicSubnet(int n) => $"PublicSubnet{n}";

    public static string PrivateSubnet(int n) => $"PrivateSubnet{n}";

    public static string PublicSubnetRouteTableAssociation(int n) => $"PublicSubnet{n}RouteTableAssociation";

    public static string PrivateSubnetRouteTableAssociation(int n) => $"PrivateSubnet{n}RouteTableAssociation";
}
