using Compose2Ecs.Core.Mesh;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Upstream rules (spec §2).</summary>
public sealed class UpstreamCheckTests
{
    private const string Services = """
          api: { image: api, expose: ["80"] }
          worker: { image: w, x-mesh: { outbound_only: true } }
          legacy: { image: l, expose: ["80"], x-mesh: false }
          cron: { image: c }
        """;

    [Fact]
    public void Unknown_upstream_suggests_the_nearest_service_or_route() =>
        ErrorAt($"""
            x-mesh:
              routes:
                catalog: {"{"} rules: [ {"{"} targets: {"{"} api: 1 {"}"} {"}"} ] {"}"}
            services:
              web: {"{"} image: web, expose: ["80"], x-mesh: {"{"} upstreams: [catalgo] {"}"} {"}"}
            {Services}
            """, "catalgo", "unknown upstream \"catalgo\"; an upstream names a mesh service or a route; did you mean \"catalog\"?");

    [Fact]
    public void A_service_cannot_name_itself() =>
        ErrorAt($"""
            services:
              web: {"{"} image: web, expose: ["80"], x-mesh: {"{"} upstreams: [api, web] {"}"} {"}"}
            {Services}
            """, "web]", "web cannot name itself as an upstream");

    [Fact]
    public void The_same_upstream_twice() =>
        ErrorAt($"""
            services:
              web:
                image: web
                expose: ["80"]
                x-mesh:
                  upstreams:
                    - api
                    - service: api
                      local_port: 9000
            {Services}
            """, "api", "api is listed twice (first at 7:11); remove one", occurrence: 2);

    [Fact]
    public void An_outbound_only_service_cannot_be_an_upstream() =>
        ErrorAt($"""
            services:
              web: {"{"} image: web, expose: ["80"], x-mesh: {"{"} upstreams: [worker] {"}"} {"}"}
            {Services}
            """, "worker]", "worker is outbound-only (it has no listener), so it cannot be an upstream; remove it from upstreams, or give worker a port");

    [Fact]
    public void A_service_with_x_mesh_false_cannot_be_an_upstream() =>
        ErrorAt($"""
            services:
              web: {"{"} image: web, expose: ["80"], x-mesh: {"{"} upstreams: [legacy] {"}"} {"}"}
            {Services}
            """, "legacy]", "legacy has x-mesh: false, so it is not in the mesh, so it cannot be an upstream; remove it from upstreams (a depends_on on legacy opens a direct connection instead)");

    [Fact]
    public void A_service_without_ports_is_not_in_the_mesh() =>
        ErrorAt($"""
            services:
              web: {"{"} image: web, expose: ["80"], x-mesh: {"{"} upstreams: [cron] {"}"} {"}"}
            {Services}
            """, "cron]", "cron has no container port, so it is not in the mesh, so it cannot be an upstream");

    [Fact]
    public void Upstreams_of_a_wrong_type() =>
        ErrorAt("""
            services:
              web: { image: web, expose: ["80"], x-mesh: { upstreams: api } }
            """, "api }", "upstreams: must be a list of services or routes, not \"api\"");

    [Fact]
    public void Long_form_without_service() =>
        ErrorAt("""
            services:
              web:
                image: web
                x-mesh:
                  upstreams:
                    - local_port: 9000
            """, "local_port", "upstreams[0]: service is required in the long form");

    [Fact]
    public void Long_form_unknown_key() =>
        UnknownKeyAt("""
            services:
              api: { image: api, expose: ["80"] }
              web:
                image: web
                x-mesh:
                  upstreams:
                    - { service: api, localport: 9000 }
            """, "localport", "localport", "local_port");

    [Fact]
    public void Local_port_of_a_wrong_type() =>
        ErrorAt($"""
            services:
              web: {"{"} image: web, x-mesh: {"{"} upstreams: [ {"{"} service: api, local_port: auto {"}"} ] {"}"} {"}"}
            {Services}
            """, "auto", "upstreams[0].local_port: must be a whole number from 1 to 65535, not \"auto\"");

    [Fact]
    public void All_errors_are_reported_together_in_file_order()
    {
        var errors = Errors($"""
            services:
              web: {"{"} image: web, expose: ["80"], x-mesh: {"{"} upstreams: [nope, web, worker] {"}"} {"}"}
              other: {"{"} image: o, x-mesh: {"{"} upstreams: [legacy], bogus: 1 {"}"} {"}"}
            {Services}
            """);

        Assert.Equal(5, errors.Count);
        Assert.Equal(errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column), errors);
        Assert.Contains("nope", errors[0].Message);
        Assert.Contains("legacy", errors[3].Message);
        Assert.Contains("bogus", errors[4].Message);
    }

    [Fact]
    public void A_route_upstream_resolves_to_each_target()
    {
        var model = Read("""
            x-mesh:
              routes:
                api:
                  rules:
                    - { match: { path_prefix: /v2 }, targets: { api-v2: 1 } }
                    - targets: { api-v1: 90, api-v2: 10 }
            services:
              web: { image: web, expose: ["80"], x-mesh: { upstreams: [api] } }
              api-v1: { image: a, expose: ["8080"] }
              api-v2: { image: a, expose: ["9090"] }
            """);

        var edge = Assert.Single(model.FindService("web")!.Upstreams);
        // The route port defaults to the listener of the first target of the first rule: api-v2.
        Assert.Equal((UpstreamKind.Route, 9090, MeshProtocol.Http), (edge.Kind, edge.Port, edge.Protocol));
        Assert.Equal(
            [new ConcreteEdge("web", "api-v1", 8080, MeshProtocol.Http, EdgeVia.Mesh, "api"), new ConcreteEdge("web", "api-v2", 9090, MeshProtocol.Http, EdgeVia.Mesh, "api")],
            edge.Targets.ToArray());
        Assert.Equal(["api-v1", "api-v2"], model.ConcreteEdgesTo("api-v2").Concat(model.ConcreteEdgesTo("api-v1")).Select(e => e.Target).Order().ToArray());
    }
}
