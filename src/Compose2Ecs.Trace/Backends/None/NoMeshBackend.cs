using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.None;

/// <summary>No mesh: apps dial each other through Cloud Map DNS, straight to the container port.</summary>
public sealed class NoMeshBackend : ITraceBackend
{
    public string Name => "none";

    public bool Detect(ResourceGraph graph) => true;

    public IReadOnlyList<IHopRule> Rules { get; } = [];
}
