using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;

namespace Compose2Ecs.Core.Compose.Ports;

/// <summary>
/// The TCP ports a service listens on, decided once for the mesh model and for ECS planning:
/// <c>ports</c> targets, then <c>expose</c>; when there are none, the well-known port of its image.
/// </summary>
public static class ServicePorts
{
    /// <summary>Declared TCP container ports, distinct, in order; else the image's well-known port; else empty.</summary>
    public static ImmutableArray<int> Tcp(ComposeService service)
    {
        ImmutableArray<int> declared = [.. service.Ports.Where(p => p.Protocol != "udp" && p.Target > 0).Select(p => p.Target).Concat(service.Expose).Distinct()];
        return declared.IsEmpty && FromImage(service) is { } port ? [port] : declared;
    }

    /// <summary>The port the image's repository is known to listen on, when the service declares no port at all.</summary>
    public static int? FromImage(ComposeService service) =>
        service.Ports.IsEmpty && service.Expose.IsEmpty && service.ExposeUdp.IsEmpty ? WellKnownImagePorts.For(service.Image) : null;
}
