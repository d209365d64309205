using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// <c>x-mesh.health_check</c>: the proxy's health check of the listener. Fields left out take
/// the spec example's values: interval 10s, timeout 2s, healthy 2, unhealthy 3, path <c>/</c>.
/// </summary>
public sealed record MeshHealthCheck(
    string? Path,
    TimeSpan Interval,
    TimeSpan Timeout,
    int HealthyThreshold,
    int UnhealthyThreshold,
    SourceLocation Location)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);
    public const int DefaultHealthyThreshold = 2;
    public const int DefaultUnhealthyThreshold = 3;
    public const string DefaultPath = "/";
}

/// <summary><c>x-mesh.timeout</c>: null fields mean the backend's own default. <c>per_request</c> is not allowed on tcp.</summary>
public sealed record MeshTimeouts(TimeSpan? PerRequest, TimeSpan? Idle, SourceLocation Location)
{
    public SourceLocation PerRequestLocation { get; init; } = SourceLocation.None;

    public SourceLocation IdleLocation { get; init; } = SourceLocation.None;
}

/// <summary>
/// <c>x-mesh.outlier_detection</c>: eject hosts that keep failing. Fields left out take the
/// spec example's values: 5 errors, 10s interval, 30s base ejection, 50%.
/// </summary>
public sealed record OutlierDetection(int MaxServerErrors, TimeSpan Interval, TimeSpan BaseEjection, int MaxEjectionPercent, SourceLocation Location)
{
    public const int DefaultMaxServerErrors = 5;
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultBaseEjection = TimeSpan.FromSeconds(30);
    public const int DefaultMaxEjectionPercent = 50;
}

/// <summary>
/// <c>x-mesh.connection_pool</c>: null fields mean unlimited (the backend's default). tcp takes
/// only <c>max_connections</c>.
/// </summary>
public sealed record ConnectionPool(int? MaxConnections, int? MaxPendingRequests, int? MaxRequests, SourceLocation Location);
