using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.AppMesh;

/// <summary><c>x-mesh.appmesh</c> (spec §5), defaults applied. Location is unknown when the section is absent.</summary>
public sealed record AppMeshSettings
{
    /// <summary>Import the mesh by name instead of creating it.</summary>
    public bool Existing { get; init; }

    /// <summary>The account that owns a shared mesh (12 digits).</summary>
    public string? MeshOwner { get; init; }

    /// <summary>Null: the backend's pinned official Envoy image for the stack's region (the image URI depends on the region).</summary>
    public string? EnvoyImage { get; init; }

    /// <summary>Envoy container CPU units. Default 64.</summary>
    public int EnvoyCpu { get; init; } = 64;

    /// <summary>Envoy container memory (MiB). Default 128.</summary>
    public int EnvoyMemory { get; init; } = 128;

    /// <summary>Envoy access log path, e.g. <c>/dev/stdout</c>; null: no access log.</summary>
    public string? AccessLog { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
