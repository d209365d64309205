using System.Collections.Frozen;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// How compose names become Consul names, the one place that decides it. A mesh service keeps its
/// compose name (lowercased, '.' → '-'): it is the service the app is, and other tools and
/// datacenters call it so. What compose2ecs invents is scoped by the compose project, so two
/// projects on one datacenter do not overwrite each other's config entries: a route is
/// <c>&lt;project&gt;-&lt;route&gt;</c> (its service-defaults, resolver, splitter, router and the
/// upstreams that name it), the API gateway <c>&lt;project&gt;-api-gateway</c> (as
/// examples/api-gateway names it after its task family) with its <c>-http</c>/<c>-tcp</c> route.
/// Apps never dial these names: an upstream is a local listener (<c>localhost:&lt;local_port&gt;</c>).
/// </summary>
public sealed class ConsulNames
{
    private readonly string project;
    private readonly FrozenSet<string> routes;

    public ConsulNames(string project, IEnumerable<string> routes)
    {
        this.project = project;
        this.routes = routes.ToFrozenSet(StringComparer.Ordinal);
    }

    public static ConsulNames For(MeshModel model) => new(model.ProjectName, model.Routes.Select(r => r.Name));

    /// <summary>The Consul name of a mesh service or route (an upstream, a config entry, an intention source).</summary>
    public string Of(string name) => routes.Contains(name) ? Clean($"{project}-{name}") : Clean(name);

    /// <summary>Whether <paramref name="name"/> is a route, whose Consul name is project-scoped.</summary>
    public bool IsScoped(string name) => routes.Contains(name);

    /// <summary>The API gateway's service and <c>api-gateway</c> entry.</summary>
    public string Gateway => Clean($"{project}-api-gateway");

    /// <summary>The gateway's <c>http-route</c> or <c>tcp-route</c> entry.</summary>
    public string GatewayRoute(string listener) => $"{Gateway}-{listener}";

    /// <summary>Lowercase, '.' → '-': <c>Api.V1</c> → <c>api-v1</c>.</summary>
    public static string Clean(string name) => name.ToLowerInvariant().Replace('.', '-');
}
