namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The backend Core itself owns. Every other backend (and what the spec says about it:
/// reserved ports, TLS default, its section) comes from its own project, through
/// <see cref="MeshBackendSpec"/>.
/// </summary>
public static class MeshBackends
{
    /// <summary>Plain ECS services, no mesh: the default backend.</summary>
    public const string None = "none";
}
