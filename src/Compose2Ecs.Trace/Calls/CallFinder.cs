using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Mesh.Addresses;
using Compose2Ecs.Trace.Application;

namespace Compose2Ecs.Trace.Calls;

/// <summary>
/// Every call the application makes: each address an app container's environment names (as the
/// templates set it, so a rewrite shows), then each upstream and depends_on edge of the model that
/// no such address already covers, and each compose depends_on the model made no edge of (dialed as compose apps dial it: the short name, or for a backend
/// whose callers use a local listener, <c>localhost:&lt;local_port&gt;</c>).
/// </summary>
public static class CallFinder
{
    public static ImmutableArray<Call> Find(MeshModel model, ComposeProject project, AppIndex apps, bool localUpstreams)
    {
        var calls = new List<Call>();
        var names = model.Services.Select(s => s.Name).Concat(model.PlainServices.Select(s => s.Name)).Concat(model.Routes.Select(r => r.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var task in apps.All.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var edges = model.EdgesFrom(task.Name).ToList();
            foreach (var variable in task.AppContainer["Environment"] as JsonArray ?? [])
            {
                if (variable?["Name"]?.GetValue<string>() is not { } name || variable["Value"] is not JsonValue v || !v.TryGetValue<string>(out var value))
                {
                    continue;
                }

                // A bare name counts only in a host variable, as the model reads it (HostVariables): POSTGRES_USER=temporal is no call.
                foreach (var address in AddressParser.Find(value).Where(a => a.Scheme is not null || a.Port is not null || HostVariables.IsHost(name)))
                {
                    if (Upstream(task.Name, address, edges, model, names) is not { } upstream)
                    {
                        continue;
                    }

                    var edge = edges.FirstOrDefault(e => e.Upstream == upstream);
                    var port = address.Port ?? edge?.Port ?? DefaultPort(model, upstream);
                    if (port is null)
                    {
                        continue;
                    }

                    calls.Add(new Call(
                        task.Name,
                        upstream,
                        Targets(model, upstream, edge),
                        address.Host,
                        port.Value,
                        AddressParser.Protocol(address.Scheme, port.Value, edge?.Protocol ?? MeshProtocol.Tcp),
                        CallSource.Environment,
                        $"{name}={value}",
                        edge?.Via == EdgeVia.Mesh));
                }
            }

            foreach (var edge in edges.Where(e => !calls.Any(c => c.Caller == e.Caller && c.Upstream == e.Upstream)))
            {
                var mesh = edge.Via == EdgeVia.Mesh;
                var local = localUpstreams && mesh && edge.LocalPort is not null;
                calls.Add(new Call(
                    edge.Caller,
                    edge.Upstream,
                    Targets(model, edge.Upstream, edge),
                    local ? "localhost" : edge.Upstream,
                    local ? edge.LocalPort!.Value : edge.Port,
                    AddressParser.Protocol(null, edge.Port, edge.Protocol),
                    edge.Origin != EdgeOrigin.Declared && !mesh ? CallSource.DependsOn : CallSource.Upstream,
                    edge.Origin switch { EdgeOrigin.DependsOn => "depends_on", EdgeOrigin.Environment => "environment", _ => "upstream" },
                    mesh));
            }

            // A depends_on the model made no edge of (a dependency with no port it could find) is still a call;
            // waiting for a one-shot job to complete (service_completed_successfully) is not.
            foreach (var dependency in (project.FindService(task.Name)?.DependsOn ?? []).Where(d => d.Condition != ServiceDependency.CompletedSuccessfully))
            {
                if (!names.Contains(dependency.Service) || calls.Any(c => c.Caller == task.Name && c.Upstream == dependency.Service))
                {
                    continue;
                }

                var port = DefaultPort(model, dependency.Service) ?? 0;
                calls.Add(new Call(task.Name, dependency.Service, [dependency.Service], dependency.Service, port,
                    AddressParser.Protocol(null, port, MeshProtocol.Tcp), CallSource.DependsOn, "depends_on", false));
            }
        }

        return [.. calls.Distinct()];
    }

    /// <summary>
    /// The service or route an address means: its short or namespaced name, or a local port the
    /// caller's edges assign. A bare <c>localhost</c> names no port, so no upstream (PHX_HOST=localhost
    /// is the app's own host); a caller naming itself (OTEL_SERVICE_NAME=flagd in flagd) reaches itself, not a call.
    /// </summary>
    private static string? Upstream(string caller, Address address, List<UpstreamEdge> edges, MeshModel model, HashSet<string> names)
    {
        if (address.Host is "localhost" or "127.0.0.1")
        {
            return address.Port is null ? null : edges.FirstOrDefault(e => e.LocalPort == address.Port)?.Upstream;
        }

        var suffix = "." + model.Namespace;
        var shortName = address.Host.EndsWith(suffix, StringComparison.Ordinal) ? address.Host[..^suffix.Length] : address.Host;
        return names.Contains(shortName) && shortName != caller ? shortName : null;
    }

    private static ImmutableArray<string> Targets(MeshModel model, string upstream, UpstreamEdge? edge) =>
        edge is not null ? [.. edge.Targets.Select(t => t.Target).Distinct()]
        : model.FindRoute(upstream) is { } route ? route.TargetServices
        : [upstream];

    private static int? DefaultPort(MeshModel model, string upstream) =>
        model.FindService(upstream)?.Listener?.Port
        ?? model.FindRoute(upstream)?.Port
        ?? (model.FindPlainService(upstream) is { ContainerPorts.Length: > 0 } plain ? plain.ContainerPorts[0] : null);
}
