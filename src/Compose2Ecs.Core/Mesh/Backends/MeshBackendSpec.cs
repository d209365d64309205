using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// What the mesh model must know about one backend while it reads <c>x-mesh</c>: the seam
/// between Core and a backend project. Core names no backend; each backend hands over this
/// spec (through <see cref="IMeshChecks.Spec"/>) and the reader applies it, so a new backend
/// needs no Core edit.
/// </summary>
/// <param name="Name">The <c>x-mesh.backend</c> / <c>--mesh</c> value.</param>
public sealed record MeshBackendSpec(string Name)
{
    /// <summary>The backend's own <c>x-mesh.&lt;key&gt;</c> section; null: none.</summary>
    public MeshSection? Section { get; init; }

    /// <summary>
    /// Ports the backend's own containers bind inside every mesh task (spec §2): an app
    /// listener or an upstream's <c>local_port</c> on one of them would clash.
    /// </summary>
    public ImmutableArray<int> ReservedPorts { get; init; } = [];

    /// <summary>Who binds <see cref="ReservedPorts"/>, for error messages.</summary>
    public string ReservedBy { get; init; } = Name;

    /// <summary>The TLS mode when <c>tls.mode</c> is not written (spec §1).</summary>
    public TlsMode DefaultTlsMode { get; init; } = TlsMode.Disabled;

    /// <summary>
    /// Whether apps reach an upstream at <c>localhost:&lt;local_port&gt;</c> (no transparent
    /// proxy) rather than at its DNS name: the graph labels edges with the local port then.
    /// </summary>
    public bool DialsUpstreamsOnLocalhost { get; init; }

    /// <summary>
    /// The spec's rules for this backend, checked while reading when it is the chosen one (so
    /// their errors come with the reading errors, before <see cref="IMeshChecks.Check"/>).
    /// </summary>
    public Func<MeshModel, IEnumerable<Diagnostic>> Rules { get; init; } = _ => [];
}
