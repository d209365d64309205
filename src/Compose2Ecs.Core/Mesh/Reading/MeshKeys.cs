using System.Collections.Immutable;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The valid keys of the neutral x-mesh mappings (spec §1–4), for unknown-key errors and
/// suggestions. A backend's own section (its key at the top, the keys inside) is the backend's.
/// </summary>
internal static class MeshKeys
{
    public static readonly ImmutableArray<string> TopLevel =
        ["backend", "name", "namespace", "egress", "registry", "tag", "vpc", "cluster", "tls", "routes", "gateway", "ignore_warnings"];

    public static readonly ImmutableArray<string> Vpc = ["id", "private_subnets", "public_subnets"];

    public static readonly ImmutableArray<string> Tls = ["mode", "acm_pca_arn"];

    public static readonly ImmutableArray<string> Service =
        ["port", "protocol", "outbound_only", "upstreams", "health_check", "timeout", "outlier_detection", "connection_pool"];

    /// <summary>Keys that configure a listener: meaningless on an outbound-only service.</summary>
    public static readonly ImmutableArray<string> ListenerOnly = ["port", "protocol", "health_check", "timeout", "outlier_detection", "connection_pool"];

    public static readonly ImmutableArray<string> Upstream = ["service", "local_port"];

    public static readonly ImmutableArray<string> HealthCheck = ["path", "interval", "timeout", "healthy_threshold", "unhealthy_threshold"];

    public static readonly ImmutableArray<string> Timeout = ["per_request", "idle"];

    public static readonly ImmutableArray<string> OutlierDetection = ["max_server_errors", "interval", "base_ejection", "max_ejection_percent"];

    public static readonly ImmutableArray<string> ConnectionPool = ["max_connections", "max_pending_requests", "max_requests"];

    public static readonly ImmutableArray<string> Route = ["protocol", "port", "rules"];

    public static readonly ImmutableArray<string> Rule = ["match", "targets", "timeout", "retries"];

    public static readonly ImmutableArray<string> Match = ["path_prefix", "path_exact", "path_regex", "method", "headers", "query", "grpc_service", "grpc_method"];

    public static readonly ImmutableArray<string> HeaderMatcher = ["exact", "prefix", "suffix", "regex", "present"];

    public static readonly ImmutableArray<string> QueryMatcher = ["exact", "regex", "present"];

    public static readonly ImmutableArray<string> Retries = ["attempts", "per_try_timeout", "on"];

    public static readonly ImmutableArray<string> Gateway = ["load_balancer", "port", "certificate_arn", "routes"];

    public static readonly ImmutableArray<string> GatewayRoute = ["path_prefix", "to"];

    public static readonly ImmutableArray<string> HttpMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
}
