using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Compose2Ecs.Core.Mesh;

public sealed partial record MeshModel
{
    /// <summary>
    /// Lookups by name, built once per model on first use: every stage asks for services and edges by
    /// name for each service, and linear scans made planning quadratic (10,000 services took minutes).
    /// Kept beside the record, not in it, so record equality and <c>with</c> copies are unaffected (a
    /// copy gets its own index when it is first asked).
    /// </summary>
    private static readonly ConditionalWeakTable<MeshModel, ModelIndex> Indexes = new();

    private ModelIndex Index => Indexes.GetValue(this, model => new ModelIndex(model));

    private sealed class ModelIndex(MeshModel model)
    {
        public Dictionary<string, MeshService> Services { get; } = First(model.Services, s => s.Name);

        public Dictionary<string, PlainService> PlainServices { get; } = First(model.PlainServices, s => s.Name);

        public Dictionary<string, MeshRoute> Routes { get; } = First(model.Routes, r => r.Name);

        public ILookup<string, UpstreamEdge> EdgesFrom { get; } = model.Edges.ToLookup(e => e.Caller, StringComparer.Ordinal);

        public ILookup<string, ConcreteEdge> ConcreteEdgesTo { get; } = model.ConcreteEdges.ToLookup(e => e.Target, StringComparer.Ordinal);

        /// <summary>The first item of each name, as a linear search would find it.</summary>
        private static Dictionary<string, T> First<T>(ImmutableArray<T> items, Func<T, string> name)
        {
            var byName = new Dictionary<string, T>(items.Length, StringComparer.Ordinal);
            foreach (var item in items)
            {
                byName.TryAdd(name(item), item);
            }

            return byName;
        }
    }
}
