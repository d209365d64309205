using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The backend-neutral mesh of a compose project: what <see cref="MeshReader"/> reads from
/// <c>x-mesh</c> and the services, with every default of the spec applied. Backends read this
/// and nothing else of the compose file's mesh settings, so they never re-derive a default.
/// Every part keeps the location of the key it came from, for errors a backend raises later.
/// </summary>
public sealed partial record MeshModel
{
    /// <summary>The compose project name.</summary>
    public required string ProjectName { get; init; }

    /// <summary>The effective backend: <c>--mesh</c>, else <c>x-mesh.backend</c>, else <c>none</c>.</summary>
    public required string Backend { get; init; }

    /// <summary>Where <c>x-mesh.backend</c> is written; unknown when the backend came from the CLI or the default.</summary>
    public SourceLocation BackendLocation { get; init; } = SourceLocation.None;

    /// <summary>
    /// Whether the project has a mesh: a top-level <c>x-mesh</c>, a service-level <c>x-mesh</c>
    /// mapping, or a backend other than <c>none</c> chosen on the command line. Without one,
    /// every service is plain and only direct (<c>depends_on</c>) edges exist.
    /// </summary>
    public required bool IsEnabled { get; init; }

    /// <summary>Where the top-level <c>x-mesh</c> key is; unknown when there is none.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The mesh name. Default: the project name.</summary>
    public required string Name { get; init; }

    /// <summary>The Cloud Map private DNS namespace. Default: <c>&lt;project&gt;.local</c>.</summary>
    public required string Namespace { get; init; }

    public EgressMode Egress { get; init; } = EgressMode.DropAll;

    public SourceLocation EgressLocation { get; init; } = SourceLocation.None;

    public required MeshTls Tls { get; init; }

    /// <summary>Image repository prefix for build-only services (<c>&lt;registry&gt;/&lt;service&gt;:&lt;tag&gt;</c>).</summary>
    public string? Registry { get; init; }

    /// <summary>Tag of such images. Default: <c>latest</c> (the CLI's <c>--tag</c> wins, applied by the caller).</summary>
    public string Tag { get; init; } = "latest";

    /// <summary>An existing VPC; null: create one.</summary>
    public VpcSettings? Vpc { get; init; }

    /// <summary>An existing ECS cluster name; null: create one.</summary>
    public string? Cluster { get; init; }

    public MeshGateway? Gateway { get; init; }

    /// <summary>
    /// Each registered backend's section settings, by their type (defaults applied, written or
    /// not); a backend reads its own with <see cref="Settings{T}"/>. Core does not look inside.
    /// </summary>
    public ImmutableDictionary<Type, object> BackendSettings { get; init; } = ImmutableDictionary<Type, object>.Empty;

    /// <summary>Whether the chosen backend's apps reach upstreams at <c>localhost:&lt;local_port&gt;</c> (see <see cref="MeshBackendSpec.DialsUpstreamsOnLocalhost"/>).</summary>
    public bool DialsUpstreamsOnLocalhost { get; init; }

    /// <summary>Services in the mesh, in compose order.</summary>
    public ImmutableArray<MeshService> Services { get; init; } = [];

    /// <summary>Services outside the mesh (plain ECS services), in compose order.</summary>
    public ImmutableArray<PlainService> PlainServices { get; init; } = [];

    /// <summary>Routes (virtual services with traffic rules), in file order.</summary>
    public ImmutableArray<MeshRoute> Routes { get; init; } = [];

    /// <summary>
    /// Every caller → upstream relation, mesh and direct, by caller in compose order, then in
    /// the order written. The security groups and the backends' permissions derive from these.
    /// </summary>
    public ImmutableArray<UpstreamEdge> Edges { get; init; } = [];

    /// <summary>Things worth knowing that are not errors (a database port defaulting to http, say).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Where each written x-mesh key is, by dotted path; see <see cref="LocationOf"/>.</summary>
    public ImmutableDictionary<string, SourceLocation> KeyLocations { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>Every concrete caller → target service connection, in edge order.</summary>
    public IEnumerable<ConcreteEdge> ConcreteEdges => Edges.SelectMany(e => e.Targets);

    /// <summary>Published ports of mesh and plain services alike.</summary>
    public IEnumerable<(string Service, Compose.Model.ServicePort Port)> PublishedPorts =>
        Services.SelectMany(s => s.PublishedPorts.Select(p => (s.Name, p)))
            .Concat(PlainServices.SelectMany(s => s.PublishedPorts.Select(p => (s.Name, p))));

    /// <summary>The settings a backend's <see cref="MeshSection"/> read; throws when no registered backend reads <typeparamref name="T"/>.</summary>
    public T Settings<T>()
        where T : class =>
        BackendSettings.TryGetValue(typeof(T), out var settings)
            ? (T)settings
            : throw new InvalidOperationException($"no registered backend section reads {typeof(T).Name}: the model was read without that backend's spec");

    public MeshService? FindService(string name) => Index.Services.GetValueOrDefault(name);

    public PlainService? FindPlainService(string name) => Index.PlainServices.GetValueOrDefault(name);

    public MeshRoute? FindRoute(string name) => Index.Routes.GetValueOrDefault(name);

    /// <summary>The edges of <paramref name="caller"/>, in the order written.</summary>
    public IEnumerable<UpstreamEdge> EdgesFrom(string caller) => Index.EdgesFrom[caller];

    /// <summary>The concrete edges that arrive at <paramref name="target"/>: who may call it, on which port.</summary>
    public IEnumerable<ConcreteEdge> ConcreteEdgesTo(string target) => Index.ConcreteEdgesTo[target];

    /// <summary>
    /// Where a written key is, by dotted path: <c>x-mesh.consul.images.envoy</c>,
    /// <c>services.api.x-mesh.timeout.idle</c>, <c>x-mesh.routes.api.rules[1]</c>. Falls back to the
    /// nearest written ancestor (a key that was defaulted has no place of its own), then to
    /// <see cref="SourceLocation.None"/>.
    /// </summary>
    public SourceLocation LocationOf(string path)
    {
        for (var key = path; key.Length > 0; key = Parent(key))
        {
            if (KeyLocations.TryGetValue(key, out var location))
            {
                return location;
            }
        }

        return SourceLocation.None;

        static string Parent(string key)
        {
            var cut = Math.Max(key.LastIndexOf('.'), key.LastIndexOf('['));
            return cut > 0 ? key[..cut] : "";
        }
    }

    /// <summary>The DNS name of a mesh service or route: <c>&lt;name&gt;.&lt;namespace&gt;</c>.</summary>
    public string DnsName(string name) => $"{name}.{Namespace}";
}

/// <summary><c>x-mesh.tls</c>, with the backend's default mode applied.</summary>
public sealed record MeshTls(TlsMode Mode, string? AcmPcaArn, SourceLocation Location)
{
    /// <summary>Whether <c>tls.mode</c> was written (false: the backend's default).</summary>
    public bool IsModeExplicit { get; init; }

    public SourceLocation ModeLocation { get; init; } = SourceLocation.None;

    public bool IsEnabled => Mode != TlsMode.Disabled;
}

/// <summary><c>x-mesh.vpc</c>: an existing VPC.</summary>
public sealed record VpcSettings(string Id, ImmutableArray<string> PrivateSubnets, ImmutableArray<string> PublicSubnets, SourceLocation Location);
