using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh.Addresses;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Builds the edge list (spec §2). A mesh service calls what its <c>upstreams</c> name, or,
/// when it names none, the mesh services with a listener that it calls implicitly: those it
/// <c>depends_on</c> and those its environment names (<see cref="ImpliedCalls"/>). Any such call
/// that touches a service outside the mesh becomes a direct edge to that service's ports, so the
/// ECS base can still open exactly those connections.
/// </summary>
internal sealed class EdgeResolver(NodeReader fields, MeshDirectory directory, IReadOnlyDictionary<string, MeshRoute> routes, KnownAddressNames names)
{
    /// <summary>Each service's mesh edges and direct edges, in compose order.</summary>
    public IReadOnlyList<(ServiceDraft Caller, ImmutableArray<UpstreamEdge> Mesh, ImmutableArray<UpstreamEdge> Direct)> Resolve() =>
    [
        .. directory.Services.Select(caller => (
            caller,
            caller.Mesh is null ? []
                : caller.DeclaredUpstreams is { } declared ? Declared(caller, declared)
                : FromDependsOn(caller),
            Direct(caller).ToImmutableArray())),
    ];

    private ImmutableArray<UpstreamEdge> Declared(ServiceDraft caller, ImmutableArray<UpstreamSpec> specs)
    {
        var edges = ImmutableArray.CreateBuilder<UpstreamEdge>();
        var seen = new Dictionary<string, UpstreamSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var path = $"services.{caller.Name}.x-mesh.upstreams";
            if (seen.TryGetValue(spec.Name, out var first))
            {
                fields.Error(spec.Location, MeshDiagnosticCodes.Duplicate, path, $"{spec.Name} is listed twice (first at {first.Location.Line}:{first.Location.Column}); remove one");
                continue;
            }

            seen[spec.Name] = spec;
            if (spec.Name == caller.Name)
            {
                fields.Error(spec.Location, MeshDiagnosticCodes.Duplicate, path, $"{caller.Name} cannot name itself as an upstream: a service reaches itself without the mesh; remove it");
                continue;
            }

            if (routes.TryGetValue(spec.Name, out var route))
            {
                edges.Add(RouteEdge(caller.Name, route, EdgeOrigin.Declared, spec));
                continue;
            }

            var target = directory.Service(spec.Name);
            if (target is null)
            {
                fields.Error(spec.Location, MeshDiagnosticCodes.UnknownReference, path, $"unknown upstream \"{spec.Name}\"; an upstream names a mesh service or a route{directory.DidYouMean(spec.Name)}");
            }
            else if (MeshDirectory.WhyNoListener(target) is { } why)
            {
                var fix = target.Plain?.Reason == PlainReason.OptedOut
                    ? $"remove it from upstreams (a depends_on on {target.Name} opens a direct connection instead), or {MeshDirectory.HowToListen(target)}"
                    : $"remove it from upstreams, or {MeshDirectory.HowToListen(target)}";
                fields.Error(spec.Location, MeshDiagnosticCodes.NotReachable, path, $"{why}, so it cannot be an upstream; {fix}");
            }
            else
            {
                edges.Add(ServiceEdge(caller.Name, target.Mesh!, EdgeOrigin.Declared, spec));
            }
        }

        return edges.ToImmutable();
    }

    /// <summary>No <c>upstreams</c> written: the mesh services with a listener that the caller calls implicitly.</summary>
    private ImmutableArray<UpstreamEdge> FromDependsOn(ServiceDraft caller) =>
    [
        .. ImpliedCalls.Of(caller.Compose, names)
            .Select(call => (Call: call, Target: directory.Service(call.Service)?.Mesh))
            .Where(x => x.Target?.Listener is not null)
            .Select(x => ServiceEdge(caller.Name, x.Target!, x.Call.Origin, new UpstreamSpec(x.Call.Service, null, x.Call.Location, SourceLocation.None))),
    ];

    /// <summary>
    /// Implied calls that cannot go through the mesh because one end is outside it: straight
    /// to the target's ports. A caller in the mesh reaches only plain targets this way; a plain
    /// caller reaches any target with a port.
    /// </summary>
    private IEnumerable<UpstreamEdge> Direct(ServiceDraft caller)
    {
        foreach (var dependency in ImpliedCalls.Of(caller.Compose, names))
        {
            if (directory.Service(dependency.Service) is not { } target)
            {
                continue;
            }

            if (target.Plain is { ContainerPorts.IsEmpty: false } plain)
            {
                yield return DirectEdge(caller.Name, dependency, plain.ContainerPorts, MeshProtocol.Tcp);
            }
            else if (caller.Mesh is null && target.Mesh?.Listener is { } listener)
            {
                yield return DirectEdge(caller.Name, dependency, [listener.Port], listener.Protocol);
            }
        }
    }

    private static UpstreamEdge DirectEdge(string caller, ImpliedCall dependency, ImmutableArray<int> ports, MeshProtocol protocol) => new()
    {
        Caller = caller,
        Upstream = dependency.Service,
        Kind = UpstreamKind.Service,
        Via = EdgeVia.Direct,
        Origin = dependency.Origin,
        Port = ports[0],
        Protocol = protocol,
        Targets = [.. ports.Select(p => new ConcreteEdge(caller, dependency.Service, p, protocol, EdgeVia.Direct, null))],
        Location = dependency.Location,
    };

    private static UpstreamEdge ServiceEdge(string caller, MeshService target, EdgeOrigin origin, UpstreamSpec spec) => new()
    {
        Caller = caller,
        Upstream = target.Name,
        Kind = UpstreamKind.Service,
        Via = EdgeVia.Mesh,
        Origin = origin,
        Port = target.Listener!.Port,
        Protocol = target.Listener.Protocol,
        LocalPort = spec.LocalPort,
        IsLocalPortExplicit = spec.LocalPort is not null,
        LocalPortLocation = spec.LocalPortLocation,
        Targets = [new ConcreteEdge(caller, target.Name, target.Listener.Port, target.Listener.Protocol, EdgeVia.Mesh, null)],
        Location = spec.Location,
    };

    /// <summary>A route resolves to each distinct service its rules target, on that service's listener.</summary>
    private UpstreamEdge RouteEdge(string caller, MeshRoute route, EdgeOrigin origin, UpstreamSpec spec) => new()
    {
        Caller = caller,
        Upstream = route.Name,
        Kind = UpstreamKind.Route,
        Via = EdgeVia.Mesh,
        Origin = origin,
        Port = route.Port,
        Protocol = route.Protocol,
        LocalPort = spec.LocalPort,
        IsLocalPortExplicit = spec.LocalPort is not null,
        LocalPortLocation = spec.LocalPortLocation,
        Targets =
        [
            .. route.TargetServices
                .Select(name => directory.Service(name)?.Mesh?.Listener is { } listener
                    ? new ConcreteEdge(caller, name, listener.Port, listener.Protocol, EdgeVia.Mesh, route.Name)
                    : null)
                .OfType<ConcreteEdge>(),
        ],
        Location = spec.Location,
    };
}
