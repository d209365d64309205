using System.Collections.Immutable;
using Compose2Ecs.Core.Collections;

namespace Compose2Ecs.Core.Mesh;

public sealed partial record MeshModel
{
    /// <summary>Lookups by name, built once per model on first use (see <see cref="SideIndex{TOwner, TIndex}"/>).</summary>
    private static readonly SideIndex<MeshModel, ModelIndex> Indexes = new(model => new ModelIndex(model));

    private ModelIndex Index => Indexes.Of(this);

    private sealed class ModelIndex(MeshModel model)
    {
        public Dictionary<string, MeshService> Services { get; } = FirstByName.Index(model.Services, s => s.Name);

        public Dictionary<string, PlainService> PlainServices { get; } = FirstByName.Index(model.PlainServices, s => s.Name);

        public Dictionary<string, MeshRoute> Routes { get; } = FirstByName.Index(model.Routes, r => r.Name);

        public ILookup<string, UpstreamEdge> EdgesFrom { get; } = model.Edges.ToLookup(e => e.Caller, StringComparer.Ordinal);

        public ILookup<string, ConcreteEdge> ConcreteEdgesTo { get; } = model.ConcreteEdges.ToLookup(e => e.Target, StringComparer.Ordinal);
    }
}
