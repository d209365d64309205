using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Backends.AppMesh;

/// <summary>The App Mesh resources of an assembly, by the names Envoy sees.</summary>
internal sealed class AppMeshView(ResourceGraph graph)
{
    public ResourceGraph Graph { get; } = graph;

    /// <summary>The task's proxy configuration properties by name, or null when the task has no APPMESH proxy.</summary>
    public Dictionary<string, string>? Proxy(AppTask task)
    {
        if (Graph.Value(task.TaskDefinition, "ProxyConfiguration") is not CfnObjectValue config || config.Entries.GetValueOrDefault("Type")?.Text != "APPMESH")
        {
            return null;
        }

        var properties = config.Entries.GetValueOrDefault("ProxyConfigurationProperties") as CfnListValue;
        return (properties?.Items ?? []).OfType<CfnObjectValue>()
            .Where(p => p.Entries.GetValueOrDefault("Name")?.Text is not null)
            .GroupBy(p => p.Entries["Name"].Text!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Entries.GetValueOrDefault("Value")?.Text ?? "", StringComparer.Ordinal);
    }

    public string? ProxyContainer(AppTask task) => Graph.Value(task.TaskDefinition, "ProxyConfiguration", "ContainerName").Text;

    /// <summary>The virtual node the task's Envoy serves: its <c>APPMESH_RESOURCE_ARN</c> (or the legacy node name).</summary>
    public Resource? Node(AppTask task)
    {
        if (ProxyContainer(task) is not { } name || task.Container(name) is not { } envoy)
        {
            return null;
        }

        foreach (var variable in envoy["Environment"] as JsonArray ?? [])
        {
            var key = variable?["Name"]?.GetValue<string>();
            if (key == "APPMESH_RESOURCE_ARN" && Graph.Find(Graph.Resolve(variable!["Value"], task.TaskDefinition).Resource) is { Type: "AWS::AppMesh::VirtualNode" } node)
            {
                return node;
            }

            if (key == "APPMESH_VIRTUAL_NODE_NAME")
            {
                var text = Graph.Resolve(variable!["Value"], task.TaskDefinition).Text ?? "";
                return Nodes.FirstOrDefault(n => text.EndsWith("/virtualNode/" + NameOf(n), StringComparison.Ordinal));
            }
        }

        return null;
    }

    /// <summary>The virtual gateway a gateway task's Envoy serves (its <c>APPMESH_RESOURCE_ARN</c>), or null.</summary>
    public Resource? Gateway(AppTask task) =>
        task.Containers.SelectMany(c => c["Environment"] as JsonArray ?? [])
            .Where(v => v?["Name"]?.GetValue<string>() == "APPMESH_RESOURCE_ARN")
            .Select(v => Graph.Find(Graph.Resolve(v!["Value"], task.TaskDefinition).Resource))
            .FirstOrDefault(r => r?.Type == "AWS::AppMesh::VirtualGateway");

    public IEnumerable<Resource> Nodes => Graph.OfType("AWS::AppMesh::VirtualNode");

    public string? NameOf(Resource node) => Graph.Value(node, "VirtualNodeName").Text;

    /// <summary>The node whose Cloud Map service discovery names the compose service <paramref name="service"/>.</summary>
    public Resource? NodeOf(string service) => Nodes.FirstOrDefault(n => NameOf(n) == service || DiscoveryName(n) == service);

    /// <summary>The Cloud Map service name of a node's discovery: written, or read from the Cloud Map service it references (<c>Fn::GetAtt …Name</c>).</summary>
    private string? DiscoveryName(Resource node)
    {
        var value = Graph.Value(node, "Spec", "ServiceDiscovery", "AWSCloudMap", "ServiceName");
        return value.Text ?? (value is CfnResourceValue { Attribute: "Name" } reference && Graph.Find(reference.Id) is { Type: "AWS::ServiceDiscovery::Service" } discovery
            ? Graph.Value(discovery, "Name").Text
            : null);
    }

    public IEnumerable<string> BackendNames(Resource node) =>
        Graph.Value(node, "Spec", "Backends") is CfnListValue list
            ? list.Items.OfType<CfnObjectValue>().Select(b => (b.Entries.GetValueOrDefault("VirtualService") as CfnObjectValue)?.Entries.GetValueOrDefault("VirtualServiceName")?.Text).OfType<string>()
            : [];

    public Resource? VirtualService(string name) => Graph.OfType("AWS::AppMesh::VirtualService").FirstOrDefault(v => Graph.Value(v, "VirtualServiceName").Text == name);

    /// <summary>The first listener's port and protocol of a node or router.</summary>
    public (int Port, string Protocol)? Listener(Resource resource)
    {
        if (Graph.Value(resource, "Spec", "Listeners") is CfnListValue { Items.Length: > 0 } list
            && list.Items[0] is CfnObjectValue l && l.Entries.GetValueOrDefault("PortMapping") is CfnObjectValue pm
            && int.TryParse(pm.Entries.GetValueOrDefault("Port")?.Text, out var port))
        {
            return (port, pm.Entries.GetValueOrDefault("Protocol")?.Text ?? "");
        }

        return null;
    }

    /// <summary>The first listener's TLS mode (STRICT, PERMISSIVE, DISABLED), or null.</summary>
    public string? ListenerTls(Resource node) =>
        Graph.Value(node, "Spec", "Listeners") is CfnListValue { Items.Length: > 0 } list && list.Items[0] is CfnObjectValue l
        && l.Entries.GetValueOrDefault("TLS") is CfnObjectValue tls ? tls.Entries.GetValueOrDefault("Mode")?.Text : null;

    public string? EgressFilter => Graph.OfType("AWS::AppMesh::Mesh").Select(m => Graph.Value(m, "Spec", "EgressFilter", "Type").Text).FirstOrDefault() ?? "DROP_ALL";

    /// <summary>The virtual service's provider: a node or a router.</summary>
    public Resource? Provider(Resource virtualService, out string kind)
    {
        kind = "";
        foreach (var (k, attribute, type) in new[] { ("VirtualNode", "VirtualNodeName", "AWS::AppMesh::VirtualNode"), ("VirtualRouter", "VirtualRouterName", "AWS::AppMesh::VirtualRouter") })
        {
            var value = Graph.Value(virtualService, "Spec", "Provider", k, attribute);
            var found = Graph.Find(value.Resource) ?? Graph.OfType(type).FirstOrDefault(r => value.Text is not null && Graph.Value(r, attribute).Text == value.Text);
            if (found is not null)
            {
                kind = k;
                return found;
            }
        }

        return null;
    }

    public IEnumerable<Resource> Routes(Resource router) => Graph.OfType("AWS::AppMesh::Route").Where(r =>
        Graph.Value(r, "VirtualRouterName").Resource == router.Id || Graph.Value(r, "VirtualRouterName").Text == Graph.Value(router, "VirtualRouterName").Text);
}
