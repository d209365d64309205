using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>The registered backends, found by name. Built from <c>IEnumerable&lt;IMeshBackend&gt;</c>, so a DI container fills it.</summary>
public sealed class MeshBackendRegistry
{
    private readonly IReadOnlyList<IMeshBackend> _backends;

    public MeshBackendRegistry(IEnumerable<IMeshBackend> backends)
    {
        _backends = [.. backends.OrderBy(b => b.Name, StringComparer.Ordinal)];
        var duplicate = _backends.GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two backends are registered as \"{duplicate.Key}\"", nameof(backends));
        }
    }

    /// <summary>Every backend, ordered by name.</summary>
    public IReadOnlyList<IMeshBackend> All => _backends;

    public IEnumerable<string> Names => _backends.Select(b => b.Name);

    /// <summary>What the mesh reader needs of each backend (its section, reserved ports, …).</summary>
    public IEnumerable<MeshBackendSpec> Specs => _backends.Select(b => b.Spec);

    public IMeshBackend? Find(string name) => _backends.FirstOrDefault(b => b.Name == name);
}
