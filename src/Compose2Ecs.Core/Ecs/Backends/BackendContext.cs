using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Ecs.Settings;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// What a backend may read besides the plan: the mesh model (the only source of mesh
/// settings a backend should use), the loaded compose project and the resolved settings.
/// </summary>
public sealed record BackendContext
{
    /// <summary>The loaded project: services, top-level <c>x-mesh</c> (<c>Project.Extension("x-mesh")</c>), every key's location.</summary>
    public required ComposeProject Project { get; init; }

    /// <summary>The backend-neutral mesh: services, listeners, routes, edges, gateway, backend sections, with defaults applied.</summary>
    public required MeshModel Mesh { get; init; }

    /// <summary>CLI options and <c>x-mesh</c> settings, resolved (stack name, namespace, registry, VPC, cluster).</summary>
    public required EcsSettings Settings { get; init; }
}
