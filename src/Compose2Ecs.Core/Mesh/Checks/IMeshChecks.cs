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
    /// <summary>The backend name, as in <see cref="MeshBackends"/>.</summary>
    string Backend { get; }

    /// <summary>Errors (and warnings) about <paramref name="model"/>; empty when the backend can express it all.</summary>
    IEnumerable<Diagnostic> Check(MeshModel model);
}
