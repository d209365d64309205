using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// One rule of a route → the <c>Spec</c> of an <c>AWS::AppMesh::Route</c>: <c>HttpRoute</c>,
/// <c>Http2Route</c>, <c>GrpcRoute</c> or <c>TcpRoute</c> with every match the rule has, its
/// weighted targets with their real weights, its timeout and its retry policy.
/// </summary>
public static class RouteSpecs
{
    /// <summary>TCP-level retry events App Mesh keeps apart from the HTTP ones.</summary>
    private const string ConnectionError = "connection-error";

    public static CfnMap Build(MeshRoute route, RouteRule rule)
    {
        var (key, match) = route.Protocol switch
        {
            MeshProtocol.Http => ("HttpRoute", HttpMatch(rule.Match)),
            MeshProtocol.Http2 => ("Http2Route", HttpMatch(rule.Match)),
            MeshProtocol.Grpc => ("GrpcRoute", GrpcMatch(rule.Match)),
            _ => ("TcpRoute", (CfnMap?)null),
        };
        var body = new CfnMapBuilder()
            .AddMap("Match", match)
            .Add("Action", new CfnMapBuilder().AddList("WeightedTargets", rule.Targets.Select(t => (CfnValue)new CfnMapBuilder()
                .Add("VirtualNode", CfnValue.GetAtt(AppMeshNames.VirtualNodeId(t.Service), "VirtualNodeName"))
                .Add("Weight", t.Weight)
                .Build())).Build());
        if (match is { Entries.IsEmpty: true })
        {
            // A gRPC rule with no match catches every call: App Mesh takes an empty match for that.
            body.Add("Match", match);
        }

        if (route.Protocol != MeshProtocol.Tcp)
        {
            body.AddMap("Timeout", rule.Timeout is { } timeout ? new CfnMapBuilder().Add("PerRequest", AppMeshValues.Duration(timeout)).Build() : null)
                .AddMap("RetryPolicy", rule.Retries is { } retries ? RetryPolicy(route.Protocol, retries) : null);
        }

        return new CfnMapBuilder()
            .Add("Priority", rule.Index)
            .Add(key, body.Build())
            .Build();
    }

    /// <summary>Path (prefix, exact or regex; <c>/</c> when the rule names none), method, headers and query parameters.</summary>
    private static CfnMap HttpMatch(RouteMatch? match)
    {
        var builder = new CfnMapBuilder();
        switch (match?.Path)
        {
            case { Kind: PathMatchKind.Exact } exact:
                builder.Add("Path", new CfnMapBuilder().Add("Exact", exact.Value).Build());
                break;
            case { Kind: PathMatchKind.Regex } regex:
                builder.Add("Path", new CfnMapBuilder().Add("Regex", regex.Value).Build());
                break;
            case { } prefix:
                builder.Add("Prefix", prefix.Value);
                break;
            default:
                builder.Add("Prefix", "/");
                break;
        }

        if (match is null)
        {
            return builder.Build();
        }

        return builder
            .Add("Method", match.Method)
            .AddList("Headers", match.Headers.Select(h => (CfnValue)Header(h)))
            .AddList("QueryParameters", match.Query.Select(q => (CfnValue)new CfnMapBuilder()
                .Add("Name", q.Name)
                .AddMap("Match", q.Kind == ValueMatchKind.Exact ? new CfnMapBuilder().Add("Exact", q.Value).Build() : null)
                .Build()))
            .Build();
    }

    /// <summary>Service, method and metadata; an empty match for the catch-all rule.</summary>
    private static CfnMap GrpcMatch(RouteMatch? match) => match is null
        ? CfnMap.Empty
        : new CfnMapBuilder()
            .Add("ServiceName", match.GrpcService)
            .Add("MethodName", match.GrpcMethod)
            .AddList("Metadata", match.Headers.Select(h => (CfnValue)Header(h)))
            .Build();

    /// <summary>A header (or gRPC metadata) condition; <c>present</c> is a header with no match method.</summary>
    private static CfnMap Header(ValueMatch header) => new CfnMapBuilder()
        .Add("Name", header.Name)
        .AddMap("Match", header.Kind switch
        {
            ValueMatchKind.Exact => new CfnMapBuilder().Add("Exact", header.Value).Build(),
            ValueMatchKind.Prefix => new CfnMapBuilder().Add("Prefix", header.Value).Build(),
            ValueMatchKind.Suffix => new CfnMapBuilder().Add("Suffix", header.Value).Build(),
            ValueMatchKind.Regex => new CfnMapBuilder().Add("Regex", header.Value).Build(),
            _ => null,
        })
        .Build();

    /// <summary><c>on</c> split into App Mesh's HTTP, TCP (connection-error) and gRPC event lists.</summary>
    private static CfnMap RetryPolicy(MeshProtocol protocol, RetryPolicy retries) => new CfnMapBuilder()
        .Add("MaxRetries", retries.Attempts)
        .Add("PerRetryTimeout", AppMeshValues.Duration(retries.PerTryTimeout))
        .AddList("HttpRetryEvents", retries.On.Where(e => e != ConnectionError && !Core.Mesh.RetryPolicy.GrpcEvents.Contains(e)).Select(e => (CfnValue)e))
        .AddList("TcpRetryEvents", retries.On.Where(e => e == ConnectionError).Select(e => (CfnValue)e))
        .AddList("GrpcRetryEvents", protocol == MeshProtocol.Grpc ? retries.On.Where(Core.Mesh.RetryPolicy.GrpcEvents.Contains).Select(e => (CfnValue)e) : [])
        .Build();
}
