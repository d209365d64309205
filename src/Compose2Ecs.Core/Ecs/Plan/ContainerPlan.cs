using System.Collections.Immutable;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>One container of a task definition: the app (from compose) or a backend's sidecar.</summary>
public sealed record ContainerPlan
{
    public required string Name { get; init; }

    public required CfnValue Image { get; init; }

    public bool Essential { get; init; } = true;

    public ImmutableArray<string>? Command { get; init; }

    public ImmutableArray<string>? EntryPoint { get; init; }

    public ImmutableArray<ContainerEnvironment> Environment { get; init; } = [];

    public ImmutableArray<ContainerSecret> Secrets { get; init; } = [];

    public ImmutableArray<ContainerPort> Ports { get; init; } = [];

    public HealthCheckPlan? HealthCheck { get; init; }

    /// <summary>CPU units (1024 = one vCPU) reserved for this container; null: none.</summary>
    public int? Cpu { get; init; }

    /// <summary>Hard memory limit in MiB; null: none.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>Soft memory reservation in MiB; null: none.</summary>
    public int? MemoryReservationMiB { get; init; }

    public string? User { get; init; }

    public string? WorkingDirectory { get; init; }

    public bool ReadonlyRootFilesystem { get; init; }

    public ImmutableArray<UlimitPlan> Ulimits { get; init; } = [];

    /// <summary>Seconds between SIGTERM and SIGKILL; ECS allows at most 120.</summary>
    public int? StopTimeoutSeconds { get; init; }

    public bool? InitProcessEnabled { get; init; }

    public ImmutableArray<string> CapabilitiesAdd { get; init; } = [];

    public ImmutableArray<string> CapabilitiesDrop { get; init; } = [];

    public ImmutableArray<MountPointPlan> MountPoints { get; init; } = [];

    /// <summary>Containers of the same task this one starts after (<c>START</c>, <c>COMPLETE</c>, <c>SUCCESS</c>, <c>HEALTHY</c>).</summary>
    public ImmutableArray<ContainerDependency> DependsOn { get; init; } = [];

    /// <summary>awslogs to the service's log group with this stream prefix; null: no log configuration.</summary>
    public string? LogStreamPrefix { get; init; }

    public bool PseudoTerminal { get; init; }

    public bool Interactive { get; init; }

    /// <summary>Properties set as given on the emitted container definition, after the base's own.</summary>
    public CfnMap Extra { get; init; } = CfnMap.Empty;

    /// <summary>What this container needs from the task, for sizing: its CPU units and its memory (limit, else reservation).</summary>
    public (int Cpu, int MemoryMiB) Needs => (Cpu ?? 0, MemoryMiB ?? MemoryReservationMiB ?? 0);

    public ContainerPlan AddEnvironment(string name, CfnValue value) =>
        this with { Environment = Environment.RemoveAll(e => e.Name == name).Add(new ContainerEnvironment(name, value)) };

    public ContainerPlan AddDependency(string containerName, string condition) =>
        this with { DependsOn = DependsOn.Add(new ContainerDependency(containerName, condition)) };
}

public sealed record ContainerEnvironment(string Name, CfnValue Value);

/// <summary>An environment variable filled from Secrets Manager or SSM Parameter Store at task start.</summary>
public sealed record ContainerSecret(string Name, CfnValue ValueFrom);

public sealed record ContainerPort(int Port, string Protocol)
{
    /// <summary>The port mapping's name (Service Connect needs one); null: none.</summary>
    public string? Name { get; init; }

    /// <summary><c>http</c>, <c>http2</c> or <c>grpc</c> (Service Connect); null: none.</summary>
    public string? AppProtocol { get; init; }
}

/// <summary>A container health check in ECS's terms (all times in seconds, within ECS's ranges).</summary>
public sealed record HealthCheckPlan(ImmutableArray<string> Command, int IntervalSeconds, int TimeoutSeconds, int Retries, int StartPeriodSeconds);

public sealed record UlimitPlan(string Name, long SoftLimit, long HardLimit);

public sealed record MountPointPlan(string SourceVolume, string ContainerPath, bool ReadOnly);

public sealed record ContainerDependency(string ContainerName, string Condition);
