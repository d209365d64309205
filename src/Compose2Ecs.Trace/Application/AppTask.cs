using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Application;

/// <summary>One compose service as the templates deploy it: its ECS service, task definition, containers and security groups.</summary>
public sealed record AppTask(string Name, Resource Service, Resource TaskDefinition, ImmutableArray<ResourceId> SecurityGroups, ImmutableArray<JsonObject> Containers)
{
    /// <summary>The app's own container: the one named after the service, else the first.</summary>
    public JsonObject AppContainer => Container(Name) ?? Containers.FirstOrDefault() ?? [];

    public JsonObject? Container(string name) => Containers.FirstOrDefault(c => c["Name"]?.GetValue<string>() == name);

    /// <summary>The container ports the task maps (every container).</summary>
    public IEnumerable<int> ContainerPorts => Containers
        .SelectMany(c => c["PortMappings"] as JsonArray ?? [])
        .Select(p => p?["ContainerPort"]?.GetValue<int>() ?? 0);

    /// <summary>The names of containers the app container waits for with <paramref name="condition"/>.</summary>
    public bool AppWaitsFor(string container, string condition) =>
        (AppContainer["DependsOn"] as JsonArray ?? []).Any(d => d?["ContainerName"]?.GetValue<string>() == container && d["Condition"]?.GetValue<string>() == condition);
}
