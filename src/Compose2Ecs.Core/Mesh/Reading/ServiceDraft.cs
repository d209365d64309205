using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>An upstream as written, before it is resolved against services and routes.</summary>
internal sealed record UpstreamSpec(string Name, int? LocalPort, SourceLocation Location, SourceLocation LocalPortLocation);

/// <summary>
/// A service after its own <c>x-mesh</c> is read: either a mesh service (upstreams not yet
/// resolved) or a plain one. <see cref="DeclaredUpstreams"/> is null when <c>upstreams</c> is
/// not written, so <c>depends_on</c> decides.
/// </summary>
internal sealed record ServiceDraft(ComposeService Compose, MeshService? Mesh, PlainService? Plain, ImmutableArray<UpstreamSpec>? DeclaredUpstreams)
{
    public string Name => Compose.Name;

    /// <summary>The ports callers can reach it on: a mesh service's listener and container ports, a plain service's container ports.</summary>
    public ImmutableArray<int> ReachablePorts => this switch
    {
        { Mesh: { } mesh } => mesh.Listener is { } listener ? [listener.Port, .. mesh.ContainerPorts] : mesh.ContainerPorts,
        { Plain: { } plain } => plain.ContainerPorts,
        _ => [],
    };
}
