using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Backends;

namespace Compose2Ecs.Trace.Rules;

/// <summary>What every rule reads: the resource graph, the tasks, the backend's knowledge, and the names of the application.</summary>
public sealed class TraceContext(ResourceGraph graph, AppIndex apps, ITraceBackend backend, MeshModel model, ComposeProject project)
{
    public ResourceGraph Graph { get; } = graph;

    public AppIndex Apps { get; } = apps;

    public ITraceBackend Backend { get; } = backend;

    /// <summary>The model names the application's services and routes; rules check the templates, not it.</summary>
    public MeshModel Model { get; } = model;

    public ComposeProject Project { get; } = project;

    /// <summary>The Cloud Map namespace the templates create (its <c>Name</c>), or the model's when imported.</summary>
    public string Namespace => Graph.OfType("AWS::ServiceDiscovery::PrivateDnsNamespace").Select(n => Graph.Value(n, "Name").Text).OfType<string>().FirstOrDefault() ?? Model.Namespace;

    /// <summary>Security-group ingress rules some call needed (for the least-privilege report).</summary>
    public HashSet<ResourceId> UsedIngress { get; } = [];

    public string ShortName(string host) => host.EndsWith("." + Namespace, StringComparison.Ordinal) ? host[..^(Namespace.Length + 1)] : host;
}
