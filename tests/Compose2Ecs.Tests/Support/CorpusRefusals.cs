using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Testing;

/// <summary>
/// Corpus files a synth refuses by design rather than by a bug: services that others depend on
/// but that declare no port anywhere (C2E2010: under ECS nothing could reach them, so the tool
/// says so instead of writing an app whose calls fail).
/// </summary>
public static class CorpusRefusals
{
    public static bool IsByDesign(InvalidInputException e) =>
        e.Errors.Where(d => d.Severity == Severity.Error).All(d => d.Code == MeshDiagnosticCodes.CalledWithoutPort);
}
