using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh.Addresses;

/// <summary>
/// One place in an environment value that names a mesh service or route.
/// <see cref="Start"/> and <see cref="Length"/> cover the host and, when written, <c>:port</c>, so
/// replacing that span with another <c>host:port</c> keeps the scheme, credentials and path.
/// </summary>
/// <param name="Variable">The environment variable's name.</param>
/// <param name="Location">Where the variable is defined.</param>
/// <param name="Start">Offset of the host in the value.</param>
/// <param name="Length">Length of the host plus the <c>:port</c> written after it.</param>
/// <param name="Name">The known name the host spells (service or route), as the mesh spells it.</param>
/// <param name="Form">Whether the host is the short or the namespace-qualified form.</param>
/// <param name="Host">The host exactly as written.</param>
/// <param name="Port">The port written after the host; null when none is.</param>
/// <param name="Scheme">The URL scheme (<c>postgres</c>, <c>jdbc:mysql</c>); null outside a URL.</param>
public sealed record EnvironmentAddress(
    string Variable,
    SourceLocation Location,
    int Start,
    int Length,
    string Name,
    AddressNameForm Form,
    string Host,
    int? Port,
    string? Scheme);
