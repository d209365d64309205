using System.Collections.Immutable;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>A Fargate task definition (<c>awsvpc</c>). Its size is chosen after backends add sidecars.</summary>
public sealed record TaskDefinitionPlan
{
    /// <summary><c>&lt;project&gt;-&lt;service&gt;</c>.</summary>
    public required string Family { get; init; }

    /// <summary>The container named after the compose service.</summary>
    public required string AppContainerName { get; init; }

    public required ImmutableArray<ContainerPlan> Containers { get; init; }

    public ImmutableArray<VolumePlan> Volumes { get; init; } = [];

    /// <summary>The App Mesh style proxy configuration; null: none.</summary>
    public ProxyConfigurationPlan? ProxyConfiguration { get; init; }

    /// <summary><c>X86_64</c> or <c>ARM64</c> (from compose <c>platform</c>).</summary>
    public string CpuArchitecture { get; init; } = "X86_64";

    /// <summary>Null until <see cref="Planning.FargateSizer"/> has run over the final plan.</summary>
    public TaskSize? Size { get; init; }

    /// <summary>
    /// Room a backend's proxy is advised to have on top of the containers' needs (Service Connect's
    /// agent: 256 CPU units, 64 MiB), which no container reserves. The sizer counts it when some
    /// Fargate size holds it, else sizes for the containers alone (advice, not an ECS requirement).
    /// </summary>
    public TaskSize? ProxyRoom { get; init; }

    /// <summary>Properties set as given on the emitted resource, after the base's own.</summary>
    public CfnMap Extra { get; init; } = CfnMap.Empty;

    public ContainerPlan Container(string name) =>
        Containers.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"task {Family} has no container \"{name}\"", nameof(name));

    public TaskDefinitionPlan AddContainers(params IEnumerable<ContainerPlan> containers) => this with { Containers = Containers.AddRange(containers) };

    public TaskDefinitionPlan UpdateContainer(string name, Func<ContainerPlan, ContainerPlan> update)
    {
        var index = Containers.IndexOf(Container(name));
        return this with { Containers = Containers.SetItem(index, update(Containers[index])) };
    }

    public TaskDefinitionPlan UpdateContainers(Func<ContainerPlan, ContainerPlan> update) => this with { Containers = [.. Containers.Select(update)] };

    public TaskDefinitionPlan AddVolumes(params IEnumerable<VolumePlan> volumes) => this with { Volumes = Volumes.AddRange(volumes) };
}

/// <summary>A valid Fargate task size: CPU units and memory in MiB.</summary>
public sealed record TaskSize(int Cpu, int MemoryMiB);

/// <summary>A task-scoped volume (Fargate ephemeral storage shared by the task's containers).</summary>
public sealed record VolumePlan(string Name)
{
    /// <summary>Extra properties of the volume (an EFS configuration, say).</summary>
    public CfnMap Extra { get; init; } = CfnMap.Empty;
}

/// <summary>The task's <c>ProxyConfiguration</c>: the proxy container, its <c>Type</c> (the backend names it) and properties.</summary>
public sealed record ProxyConfigurationPlan(string ContainerName, string Type, ImmutableArray<KeyValuePair<string, string>> Properties);
