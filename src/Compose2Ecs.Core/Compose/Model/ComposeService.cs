using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Model;

/// <summary>
/// One service, in long syntax. Only what ECS and the mesh need is typed; everything else
/// stays reachable through <see cref="Node"/>, with locations, for warnings.
/// </summary>
public sealed record ComposeService
{
    public required string Name { get; init; }

    /// <summary>Where the service's key is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The normalized service mapping.</summary>
    public required MappingNode Node { get; init; }

    public string? Image { get; init; }

    public BuildSpec? Build { get; init; }

    /// <summary>Null when not set; an empty array when set to an empty list.</summary>
    public ImmutableArray<string>? Command { get; init; }

    public ImmutableArray<string>? Entrypoint { get; init; }

    /// <summary>Environment after env_file and the service's own entries, in order, last one winning.</summary>
    public ImmutableArray<EnvironmentVariable> Environment { get; init; } = [];

    public ImmutableArray<ServicePort> Ports { get; init; } = [];

    /// <summary>TCP ports exposed to other services only (<c>expose</c>; an entry without a protocol is TCP).</summary>
    public ImmutableArray<int> Expose { get; init; } = [];

    /// <summary>UDP ports exposed to other services only (<c>expose: ["5000-5010/udp"]</c>).</summary>
    public ImmutableArray<int> ExposeUdp { get; init; } = [];

    public Healthcheck? Healthcheck { get; init; }

    public ImmutableArray<ServiceDependency> DependsOn { get; init; } = [];

    public DeploySpec? Deploy { get; init; }

    public ImmutableArray<ServiceFileReference> Secrets { get; init; } = [];

    public ImmutableArray<ServiceFileReference> Configs { get; init; } = [];

    public ImmutableArray<ServiceVolume> Volumes { get; init; } = [];

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    public bool ReadOnly { get; init; }

    public bool? Init { get; init; }

    public ImmutableArray<Ulimit> Ulimits { get; init; } = [];

    public TimeSpan? StopGracePeriod { get; init; }

    public ImmutableArray<KeyValuePair<string, string>> Labels { get; init; } = [];

    public ImmutableArray<string> CapAdd { get; init; } = [];

    public ImmutableArray<string> CapDrop { get; init; } = [];

    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary>Service-level <c>cpus</c>, <c>mem_limit</c>, <c>mem_reservation</c> (the deploy section wins).</summary>
    public double? Cpus { get; init; }

    public long? MemLimitBytes { get; init; }

    public long? MemReservationBytes { get; init; }

    public string? Platform { get; init; }

    /// <summary>The service's <c>x-mesh</c> node, unread: the mesh reader owns its meaning.</summary>
    public Node? Mesh => Node["x-mesh"];

    /// <summary>Every <c>x-</c> key of the service.</summary>
    public IEnumerable<MappingEntry> Extensions => Node.Entries.Where(e => e.Name.StartsWith("x-", StringComparison.Ordinal));
}

public sealed record BuildSpec(string Context, string? Dockerfile, SourceLocation Location);

public sealed record EnvironmentVariable(string Name, string? Value, SourceLocation Location);

/// <summary>One container port. Short-syntax ranges are expanded to one entry per port.</summary>
public sealed record ServicePort
{
    public required int Target { get; init; }

    /// <summary>The host port; null when not published.</summary>
    public int? Published { get; init; }

    /// <summary>The end of a published range for this one target ("80-90:8080": any free host port of 80-90); null otherwise.</summary>
    public int? PublishedEnd { get; init; }

    public string? HostIp { get; init; }

    /// <summary>Published on the host's loopback only (127.x, ::1, localhost): not reachable from outside the host.</summary>
    public bool IsLoopbackOnly => HostIp is { } ip && (ip.StartsWith("127.", StringComparison.Ordinal) || ip is "::1" or "[::1]" or "localhost");

    /// <summary>tcp or udp.</summary>
    public string Protocol { get; init; } = "tcp";

    /// <summary>The long syntax's <c>app_protocol</c> (http, http2, grpc …).</summary>
    public string? AppProtocol { get; init; }

    public string? Name { get; init; }

    public string Mode { get; init; } = "ingress";

    public required SourceLocation Location { get; init; }
}

public sealed record Healthcheck
{
    /// <summary>As in compose long form: ["CMD", ...], ["CMD-SHELL", "..."], or ["NONE"].</summary>
    public ImmutableArray<string> Test { get; init; } = [];

    public TimeSpan? Interval { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? StartPeriod { get; init; }

    public TimeSpan? StartInterval { get; init; }

    public int? Retries { get; init; }

    public bool Disable { get; init; }

    public required SourceLocation Location { get; init; }
}

public sealed record ServiceDependency(string Service, string Condition, bool Required, bool Restart, SourceLocation Location)
{
    public const string Started = "service_started";
    public const string Healthy = "service_healthy";
    public const string CompletedSuccessfully = "service_completed_successfully";
}

public sealed record DeploySpec
{
    public int? Replicas { get; init; }

    public ResourceSpec? Limits { get; init; }

    public ResourceSpec? Reservations { get; init; }

    public required SourceLocation Location { get; init; }
}

public sealed record ResourceSpec(double? Cpus, long? MemoryBytes, SourceLocation Location);

/// <summary>A service's use of a top-level secret or config.</summary>
public sealed record ServiceFileReference(string Source, string Target, SourceLocation Location);

public sealed record ServiceVolume(string Type, string? Source, string Target, bool ReadOnly, SourceLocation Location);

public sealed record Ulimit(string Name, long Soft, long Hard, SourceLocation Location);
