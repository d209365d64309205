using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Backends.ServiceConnect;

/// <summary>A Service Connect endpoint: the ECS service that serves it, its port name, and one client alias.</summary>
internal sealed record Endpoint(AppTask Server, string PortName, string DnsName, int Port, CfnObjectValue Service);

/// <summary>The Service Connect configuration of the assembly's ECS services.</summary>
internal sealed class ServiceConnectView(ResourceGraph graph, AppIndex apps)
{
    public CfnObjectValue? Config(AppTask task) =>
        graph.Value(task.Service, "ServiceConnectConfiguration") is CfnObjectValue c && c.Entries.GetValueOrDefault("Enabled")?.Text == "true" ? c : null;

    public ResourceId? Namespace(CfnObjectValue config) => config.Entries.GetValueOrDefault("Namespace")?.Resource;

    public IEnumerable<Endpoint> Endpoints => apps.All.SelectMany(task =>
        Config(task) is { } config && config.Entries.GetValueOrDefault("Services") is CfnListValue services
            ? services.Items.OfType<CfnObjectValue>().SelectMany(s => Aliases(task, s))
            : []);

    /// <summary>The port mapping a Service Connect service names.</summary>
    public JsonObject? PortMapping(AppTask task, string portName) => task.Containers
        .SelectMany(c => c["PortMappings"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .FirstOrDefault(p => p["Name"]?.GetValue<string>() == portName);

    private static IEnumerable<Endpoint> Aliases(AppTask task, CfnObjectValue service)
    {
        var portName = service.Entries.GetValueOrDefault("PortName")?.Text ?? "";
        foreach (var alias in (service.Entries.GetValueOrDefault("ClientAliases") as CfnListValue)?.Items.OfType<CfnObjectValue>() ?? [])
        {
            if (int.TryParse(alias.Entries.GetValueOrDefault("Port")?.Text, out var port))
            {
                var dns = alias.Entries.GetValueOrDefault("DnsName")?.Text ?? service.Entries.GetValueOrDefault("DiscoveryName")?.Text ?? portName;
                yield return new Endpoint(task, portName, dns, port, service);
            }
        }
    }
}
