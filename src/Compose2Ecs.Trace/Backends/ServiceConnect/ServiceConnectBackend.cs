using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.ServiceConnect;

/// <summary>
/// Service Connect: a caller whose ECS service enables Service Connect in the namespace resolves
/// the client aliases (<c>DnsName</c>:<c>Port</c>) of the namespace's endpoints in its own proxy,
/// which connects to the endpoint's tasks on the named container port.
/// </summary>
public sealed class ServiceConnectBackend : ITraceBackend
{
    public string Name => "service-connect";

    public bool Detect(ResourceGraph graph) => graph.OfType("AWS::ECS::Service").Any(s => graph.Value(s, "ServiceConnectConfiguration", "Enabled").Text == "true");

    public Hop? ResolveName(Call call, string target, TraceContext context)
    {
        var view = new ServiceConnectView(context.Graph, context.Apps);
        if (context.Apps.Find(call.Caller) is not { } caller || view.Config(caller) is not { } config)
        {
            return null;
        }

        var endpoints = view.Endpoints.Where(e => e.DnsName == call.Host && view.Config(e.Server) is { } c && view.Namespace(c) == view.Namespace(config)).ToList();
        if (endpoints.FirstOrDefault(e => e.Port == call.Port) is { } endpoint)
        {
            return Hop.Ok(HopKind.Name, call.Upstream, ClientAliasRule.Id, $"{call.Host}:{call.Port}: Service Connect client alias of {endpoint.Server.Name} ({endpoint.PortName})");
        }

        return endpoints.Count > 0
            ? Hop.Broken(HopKind.Name, call.Upstream, ClientAliasRule.Id, $"{call.Host}: Service Connect alias on port {string.Join(", ", endpoints.Select(e => e.Port))}, not {call.Port}")
            : null;
    }

    public int WirePort(Call call, string target, TraceContext context)
    {
        var view = new ServiceConnectView(context.Graph, context.Apps);
        if (context.Apps.Find(call.Caller) is { } caller && view.Config(caller) is not null
            && view.Endpoints.FirstOrDefault(e => e.DnsName == call.Host && e.Port == call.Port && e.Server.Name == target) is { } endpoint)
        {
            var overridePort = endpoint.Service.Entries.GetValueOrDefault("IngressPortOverride")?.Text;
            return int.TryParse(overridePort, out var o) ? o
                : view.PortMapping(endpoint.Server, endpoint.PortName)?["ContainerPort"]?.GetValue<int>() ?? call.Port;
        }

        return call.Port;
    }

    public IEnumerable<Hop> IngressHops(Ingress.IngressPath path, TraceContext context) =>
        IngressTlsRule.Check(path, new ServiceConnectView(context.Graph, context.Apps));

    public IReadOnlyList<IHopRule> Rules { get; } = [new ClientAliasRule(), new AppProtocolRule(), new EndpointOrderRule()];
}
