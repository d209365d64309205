using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Looks names up among the project's services and routes, and says in words why a name
/// cannot be called through the mesh, so every resolver phrases it the same way.
/// </summary>
internal sealed class MeshDirectory(IReadOnlyList<ServiceDraft> services, IReadOnlyList<RouteSpec> routes)
{
    private readonly Dictionary<string, ServiceDraft> _services = services.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private readonly Dictionary<string, RouteSpec> _routes = routes.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<ServiceDraft> Services => services;

    public ServiceDraft? Service(string name) => _services.GetValueOrDefault(name);

    public RouteSpec? Route(string name) => _routes.GetValueOrDefault(name);

    /// <summary>"; did you mean …?" over services and routes.</summary>
    public string DidYouMean(string name, bool includeRoutes = true) =>
        Suggest.DidYouMean(name, includeRoutes ? _services.Keys.Concat(_routes.Keys) : _services.Keys);

    /// <summary>Null when <paramref name="service"/> is a mesh service with a listener; else why it is not.</summary>
    public static string? WhyNoListener(ServiceDraft service) => service switch
    {
        { Mesh.Listener: not null } => null,
        { Mesh: not null } => $"{service.Name} is outbound-only (it has no listener)",
        { Plain.Reason: PlainReason.OptedOut } => $"{service.Name} has x-mesh: false, so it is not in the mesh",
        { Plain.Reason: PlainReason.NoPort } => $"{service.Name} has no container port, so it is not in the mesh",
        _ => $"{service.Name} is not in the mesh",
    };

    /// <summary>How to make <paramref name="service"/> reachable, matching <see cref="WhyNoListener"/>.</summary>
    public static string HowToListen(ServiceDraft service) => service switch
    {
        { Mesh: not null } => $"give {service.Name} a port",
        { Plain.Reason: PlainReason.OptedOut } => $"remove x-mesh: false from {service.Name}",
        _ => $"give {service.Name} a port (ports, expose or x-mesh.port)",
    };
}
