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

    /// <summary><c>tracing</c>: X-Ray, with a daemon sidecar in every mesh task (as the CDK's XRayExtension adds one), or none.</summary>
    public AppMeshTracing Tracing { get; init; } = AppMeshTracing.None;

    /// <summary><c>stats</c>: Envoy's stats tags and DogStatsD output to the task's localhost:8125 (the CDK App Mesh extension's switches).</summary>
    public bool Stats { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>What <c>x-mesh.appmesh.tracing</c> turns on.</summary>
public enum AppMeshTracing
{
    None,

    /// <summary><c>ENABLE_ENVOY_XRAY_TRACING</c> and the X-Ray daemon next to Envoy.</summary>
    XRay,
}
