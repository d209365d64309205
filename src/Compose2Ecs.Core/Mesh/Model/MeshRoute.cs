using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A route (spec §3): a virtual service that callers name as an upstream, with ordered rules
/// that send its traffic to mesh services. DNS: <c>&lt;route&gt;.&lt;namespace&gt;</c>.
/// </summary>
public sealed record MeshRoute
{
    public required string Name { get; init; }

    /// <summary>Where the route's key is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Default: the protocol of the first target of the first rule. Every target listens with it.</summary>
    public required MeshProtocol Protocol { get; init; }

    public required SourceLocation ProtocolLocation { get; init; }

    /// <summary>The port callers dial. Default: the listener port of the first target of the first rule.</summary>
    public required int Port { get; init; }

    public required SourceLocation PortLocation { get; init; }

    /// <summary>The rules, in priority order: the first that matches wins; only the last may lack a match.</summary>
    public required ImmutableArray<RouteRule> Rules { get; init; }

    /// <summary>Every service some rule targets, distinct, sorted by name.</summary>
    public ImmutableArray<string> TargetServices =>
        [.. Rules.SelectMany(r => r.Targets).Select(t => t.Service).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>One rule, no match, one target: the shape Service Connect can express as a client alias.</summary>
    public bool IsSingleUnconditionalTarget =>
        Rules.Length == 1 && Rules[0].Match is null && Rules[0].Targets.Count(t => t.Weight > 0) == 1;
}

/// <summary>One rule of a route.</summary>
public sealed record RouteRule
{
    /// <summary>0-based position: the rule's priority (0 first).</summary>
    public required int Index { get; init; }

    /// <summary>Null: matches everything (only the last rule).</summary>
    public RouteMatch? Match { get; init; }

    /// <summary>Where traffic goes, with integer weights 0–100, not all zero, in the order written.</summary>
    public required ImmutableArray<WeightedTarget> Targets { get; init; }

    /// <summary>Per-request timeout (not on tcp).</summary>
    public TimeSpan? Timeout { get; init; }

    public SourceLocation TimeoutLocation { get; init; } = SourceLocation.None;

    public RetryPolicy? Retries { get; init; }

    /// <summary>Where the rule (the sequence item) starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>1-based, as messages and the graph say it.</summary>
    public int Number => Index + 1;

    public int TotalWeight => Targets.Sum(t => t.Weight);
}

/// <summary>
/// What a rule matches; all given conditions must hold. Path, method and query are for
/// http/http2; <c>grpc_service</c>/<c>grpc_method</c> for grpc; headers for http, http2 and grpc
/// (gRPC metadata). tcp routes have no match.
/// </summary>
public sealed record RouteMatch
{
    public PathMatch? Path { get; init; }

    /// <summary>An upper-case HTTP method.</summary>
    public string? Method { get; init; }

    public ImmutableArray<ValueMatch> Headers { get; init; } = [];

    /// <summary>Query parameters: exact, regex or present.</summary>
    public ImmutableArray<ValueMatch> Query { get; init; } = [];

    public string? GrpcService { get; init; }

    /// <summary>Needs <see cref="GrpcService"/>.</summary>
    public string? GrpcMethod { get; init; }

    /// <summary>Where the <c>match</c> key is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where each condition key of the match is written (<c>path_prefix</c>, <c>method</c>, <c>headers</c>…), for errors about one condition.</summary>
    public ImmutableDictionary<string, SourceLocation> ConditionLocations { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;
}

public sealed record PathMatch(PathMatchKind Kind, string Value, SourceLocation Location);

/// <summary>A header (or query parameter) condition: <c>{ exact: "true" }</c>, <c>{ present: true }</c>…</summary>
public sealed record ValueMatch(string Name, ValueMatchKind Kind, string? Value, SourceLocation Location);

/// <summary>A target service of a rule and its weight (0–100).</summary>
public sealed record WeightedTarget(string Service, int Weight, SourceLocation Location);

/// <summary>
/// <c>retries</c> of a rule. <c>attempts</c> is required; <c>per_try_timeout</c> defaults to 15s
/// (Envoy's route timeout) and <c>on</c> to <c>[server-error, gateway-error]</c>.
/// </summary>
public sealed record RetryPolicy(int Attempts, TimeSpan PerTryTimeout, ImmutableArray<string> On, SourceLocation Location)
{
    public static readonly TimeSpan DefaultPerTryTimeout = TimeSpan.FromSeconds(15);

    public static ImmutableArray<string> DefaultOn { get; } = ["server-error", "gateway-error"];

    /// <summary>Retry events for http, http2 and grpc (App Mesh's HTTP and TCP retry events).</summary>
    public static ImmutableArray<string> HttpEvents { get; } = ["server-error", "gateway-error", "client-error", "stream-error", "connection-error"];

    /// <summary>gRPC status retry events, allowed on grpc routes in addition to <see cref="HttpEvents"/>.</summary>
    public static ImmutableArray<string> GrpcEvents { get; } = ["cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable"];
}
