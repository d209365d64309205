using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Compose2Ecs.Core.Collections;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Mesh.Addresses;

namespace Compose2Ecs.Core.Compose.Ports;

/// <summary>
/// The TCP ports a service listens on, decided once for the mesh model and for ECS planning
/// (spec §2, "The port of a service"): <c>ports</c> targets, then <c>expose</c>; when there are
/// none, the well-known port of its image; else the ports other services' environments name for
/// it (<c>redis://redis:6379</c>, <c>db:5432</c>). <c>x-mesh.port</c>, which comes first, is the mesh reader's.
/// </summary>
public static class ServicePorts
{
    /// <summary>Declared TCP container ports, distinct, in order; else the implied ones (<see cref="Implied"/>).</summary>
    public static ImmutableArray<int> Tcp(ComposeService service, ComposeProject project)
    {
        ImmutableArray<int> declared = [.. service.Ports.Where(p => p.Protocol != "udp" && p.Target > 0).Select(p => p.Target).Concat(service.Expose).Distinct()];
        return declared.IsEmpty ? Implied(service, project) : declared;
    }

    /// <summary>
    /// The ports of a service that declares none at all: its image's well-known port, else the
    /// distinct ports its callers' environments name for it, in compose order; else empty.
    /// </summary>
    public static ImmutableArray<int> Implied(ComposeService service, ComposeProject project)
    {
        if (!service.Ports.IsEmpty || !service.Expose.IsEmpty || !service.ExposeUdp.IsEmpty)
        {
            return [];
        }

        return WellKnownImagePorts.For(service.Image) is { } port ? [port] : NamedByCallers(service, project);
    }

    /// <summary>
    /// Ports other services' environments name for <paramref name="service"/> by its compose name,
    /// written (<c>db:5432</c>) or implied by a URL's scheme (<c>redis://redis</c>). Only the short
    /// name counts: a file written for docker compose's network knows no namespace.
    /// </summary>
    public static ImmutableArray<int> NamedByCallers(ComposeService service, ComposeProject project) =>
        PortsNamedByCallers.Of(project).GetValueOrDefault(service.Name, []);

    /// <summary>
    /// Every service's <see cref="NamedByCallers"/> ports, found in one pass over the project's
    /// environments (asking per service read every environment once per service: minutes at 20,000).
    /// </summary>
    private static readonly SideIndex<ComposeProject, Dictionary<string, ImmutableArray<int>>> PortsNamedByCallers = new(project =>
    {
        var names = new KnownAddressNames(project.Services.Select(s => s.Name));
        var ports = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var caller in project.Services)
        {
            foreach (var address in EnvironmentAddressFinder.Find(caller.Environment, names))
            {
                if (address.Name != caller.Name && (address.Port ?? SchemePorts.For(address.Scheme)) is { } port)
                {
                    var named = CollectionsMarshal.GetValueRefOrAddDefault(ports, address.Name, out _) ??= [];
                    if (!named.Contains(port))
                    {
                        named.Add(port);
                    }
                }
            }
        }

        return ports.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
    });
}
