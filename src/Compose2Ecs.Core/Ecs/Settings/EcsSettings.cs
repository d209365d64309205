using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Settings;

/// <summary>
/// The settings the ECS base takes from the command line and the top-level <c>x-mesh</c>
/// (spec §1: backend, namespace, registry, tag, vpc, cluster), resolved: CLI first, then x-mesh, then defaults.
/// </summary>
public sealed record EcsSettings
{
    public required string ProjectName { get; init; }

    public required string StackName { get; init; }

    public required string Backend { get; init; }

    /// <summary>Where the backend was named (x-mesh.backend), for errors; unknown when it came from the CLI or the default.</summary>
    public SourceLocation BackendLocation { get; init; } = SourceLocation.None;

    /// <summary>The Cloud Map namespace: <c>x-mesh.namespace</c>, default <c>&lt;project&gt;.local</c>.</summary>
    public required string Namespace { get; init; }

    /// <summary>Null when neither <c>--registry</c> nor <c>x-mesh.registry</c> is given.</summary>
    public string? Registry { get; init; }

    public string Tag { get; init; } = "latest";

    /// <summary>An existing VPC (<c>x-mesh.vpc</c>); null: create one.</summary>
    public VpcSettings? Vpc { get; init; }

    /// <summary>An existing cluster's name (<c>x-mesh.cluster</c>); null: create one.</summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The listener protocols the user wrote (<c>services.X.x-mesh.protocol</c>), by service, as
    /// the mesh model read them: evidence for whether a published port speaks HTTP.
    /// </summary>
    public ImmutableDictionary<string, DeclaredProtocol> DeclaredProtocols { get; init; } = ImmutableDictionary<string, DeclaredProtocol>.Empty;
}

/// <summary>A service's written <c>x-mesh.protocol</c>, and the listener port it is about.</summary>
public sealed record DeclaredProtocol(int Port, bool IsHttp);
