using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Application;

/// <summary>
/// Finds each compose service's ECS service in the assembly: the <c>AWS::ECS::Service</c> whose
/// task definition has a container named after the compose service (the base names the app
/// container so; sidecars have their own names).
/// </summary>
public sealed class AppIndex
{
    private readonly Dictionary<string, AppTask> _tasks;

    public AppIndex(ResourceGraph graph, IEnumerable<string> serviceNames)
    {
        Graph = graph;
        var services = graph.OfType("AWS::ECS::Service")
            .Select(s => (Service: s, Task: graph.Target(s, "TaskDefinition")))
            .Where(x => x.Task is not null)
            .ToList();
        _tasks = new Dictionary<string, AppTask>(StringComparer.Ordinal);
        foreach (var name in serviceNames)
        {
            foreach (var (service, task) in services)
            {
                var containers = (task!.Properties["ContainerDefinitions"] as JsonArray ?? []).OfType<JsonObject>().ToImmutableArray();
                if (containers.Any(c => c["Name"]?.GetValue<string>() == name))
                {
                    _tasks[name] = Task(graph, name, service, task);
                    break;
                }
            }
        }
    }

    public ResourceGraph Graph { get; }

    /// <summary>The task of any ECS service (a compose service's, a gateway's, a controller's), named <paramref name="name"/>.</summary>
    public static AppTask? Task(ResourceGraph graph, string name, Resource service)
        => graph.Target(service, "TaskDefinition") is { } task ? Task(graph, name, service, task) : null;

    /// <summary>The compose service an ECS service runs, or null (a gateway, a controller).</summary>
    public AppTask? OfService(Resource service) => _tasks.Values.FirstOrDefault(t => t.Service.Id == service.Id);

    public AppTask? Find(string name) => _tasks.GetValueOrDefault(name);

    public IEnumerable<AppTask> All => _tasks.Values;

    /// <summary>The compose service whose tasks use security group <paramref name="group"/>, or null (a load balancer's, a gateway's).</summary>
    public AppTask? OwnerOf(ResourceId group) => _tasks.Values.FirstOrDefault(t => t.SecurityGroups.Contains(group));

    private static AppTask Task(ResourceGraph graph, string name, Resource service, Resource task)
    {
        var containers = (task.Properties["ContainerDefinitions"] as JsonArray ?? []).OfType<JsonObject>().ToImmutableArray();
        var groups = graph.Value(service, "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups") is CfnListValue list
            ? list.Items.Select(i => i.Resource).OfType<ResourceId>().ToImmutableArray()
            : [];
        return new AppTask(name, service, task, groups, containers);
    }
}
