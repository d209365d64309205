using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Ecs.Settings;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// What a backend may read besides the plan: the loaded compose project and the resolved
/// settings. A record with init-only members, so new inputs (the mesh model) can be added
/// without breaking backends.
/// </summary>
public sealed record BackendContext
{
    /// <summary>The loaded project: services, top-level <c>x-mesh</c> (<c>Project.Extension("x-mesh")</c>), every key's location.</summary>
    public required ComposeProject Project { get; init; }

    /// <summary>CLI options and <c>x-mesh</c> settings, resolved (stack name, namespace, registry, VPC, cluster).</summary>
    public required EcsSettings Settings { get; init; }
}
