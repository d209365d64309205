using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ServiceDiscovery;
using Compose2Ecs.Core.Ecs.Naming;

namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>The network, cluster and namespace every service shares. Ids are plain strings for imported ones, tokens for created ones.</summary>
public sealed class SharedHandles
{
    private readonly EmitContext _context;

    internal SharedHandles(EmitContext context) => _context = context;

    /// <summary>The created VPC; null when <c>x-mesh.vpc</c> imports one.</summary>
    public CfnVPC? Vpc => _context.Plan.Network.Create ? (CfnVPC)_context.Resource(SharedIds.Vpc) : null;

    public string VpcId => _context.Token(_context.Plan.Network.VpcId);

    public IReadOnlyList<string> PrivateSubnetIds => [.. _context.Plan.Network.PrivateSubnets.Select(_context.Token)];

    public IReadOnlyList<string> PublicSubnetIds => [.. _context.Plan.Network.PublicSubnets.Select(_context.Token)];

    /// <summary>The created cluster; null when <c>x-mesh.cluster</c> names an existing one.</summary>
    public CfnCluster? Cluster => _context.Plan.Cluster.Create ? (CfnCluster)_context.Resource(SharedIds.Cluster) : null;

    /// <summary>The cluster's name (a token for a created cluster).</summary>
    public string ClusterName => _context.Token(_context.Plan.Cluster.Cluster);

    public CfnPrivateDnsNamespace Namespace => (CfnPrivateDnsNamespace)_context.Resource(SharedIds.Namespace);

    public string NamespaceName => _context.Plan.Namespace.Name;

    public string NamespaceId => Namespace.AttrId;

    public string NamespaceArn => Namespace.AttrArn;
}
