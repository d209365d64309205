using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// What one backend cannot express, checked on a model that passed the neutral checks.
/// Each backend implements this (Service Connect: routes with more than one unconditional
/// target, and so on) and registers it; <c>validate --mesh X</c> and <c>synth</c> run the
/// checks whose <see cref="Backend"/> is X. Report at the location the model keeps for the key.
/// </summary>
public interface IMeshChecks
{
    /// <summary>The backend name (<c>--mesh</c>, <c>x-mesh.backend</c>).</summary>
    string Backend { get; }

    /// <summary>
    /// What the mesh reader must know about this backend: its section, reserved ports, TLS
    /// default and rules. Default: a backend with none of these.
    /// </summary>
    MeshBackendSpec Spec => new(Backend);

    /// <summary>Errors (and warnings) about <paramref name="model"/>; empty when the backend can express it all.</summary>
    IEnumerable<Diagnostic> Check(MeshModel model);
}
