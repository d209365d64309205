using Compose2Ecs.Consul;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Mesh.Tests.Support;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Consul local ports: assigned stably from 20100 up, checked when written (spec §2).</summary>
public sealed class LocalPortTests
{
    private static string Project(string webUpstreams, string extraServices = "") => $$"""
        services:
          web: { image: web, expose: ["8080"], x-mesh: { upstreams: {{webUpstreams}} } }
          api: { image: a, expose: ["80"] }
          catalog: { image: c, expose: ["80"] }
          orders: { image: o, expose: ["80"] }
          users: { image: u, expose: ["80"] }
          payments: { image: p, expose: ["80"] }
        {{extraServices}}
        """;

    private static Dictionary<string, int> PortsOf(string yaml, string caller = "web") =>
        Read(yaml).FindService(caller)!.Upstreams.ToDictionary(u => u.Upstream, u => u.LocalPort!.Value);

    [Fact]
    public void Every_mesh_edge_gets_a_local_port_in_the_range()
    {
        var ports = PortsOf(Project("[api, catalog, orders, users, payments]"));

        Assert.Equal(5, ports.Values.Distinct().Count());
        Assert.All(ports.Values, p => Assert.InRange(p, 20100, 29999));
    }

    [Fact]
    public void Adding_or_removing_an_unrelated_upstream_does_not_move_the_others()
    {
        var before = PortsOf(Project("[catalog, orders, users]"));
        var added = PortsOf(Project("[api, catalog, orders, users, payments]"));
        var removed = PortsOf(Project("[orders, users]"));

        foreach (var (name, port) in before)
        {
            Assert.Equal(port, added[name]);
        }

        Assert.Equal(before["orders"], removed["orders"]);
        Assert.Equal(before["users"], removed["users"]);
    }

    [Fact]
    public void An_upstream_has_the_same_local_port_in_every_caller()
    {
        var model = Read(Project("[api, catalog]", """
              admin: { image: ad, x-mesh: { upstreams: [catalog, users] } }
            """));

        Assert.Equal(
            model.FindService("web")!.Upstreams.Single(u => u.Upstream == "catalog").LocalPort,
            model.FindService("admin")!.Upstreams.Single(u => u.Upstream == "catalog").LocalPort);
        Assert.Equal(LocalPorts.Preferred("catalog"), model.FindService("admin")!.Upstreams[0].LocalPort);
    }

    [Fact]
    public void A_written_local_port_is_kept_and_an_assigned_one_steps_around_it()
    {
        var preferred = LocalPorts.Preferred("api");
        var ports = PortsOf(Project($"[api, {{ service: catalog, local_port: {preferred} }}]"));

        Assert.Equal(preferred, ports["catalog"]);
        Assert.Equal(preferred == 29999 ? 20100 : preferred + 1, ports["api"]);
        var model = Read(Project($"[api, {{ service: catalog, local_port: {preferred} }}]"));
        Assert.True(model.FindService("web")!.Upstreams.Single(u => u.Upstream == "catalog").IsLocalPortExplicit);
        Assert.False(model.FindService("web")!.Upstreams.Single(u => u.Upstream == "api").IsLocalPortExplicit);
    }

    [Fact]
    public void An_assigned_port_skips_the_callers_own_container_ports()
    {
        var preferred = LocalPorts.Preferred("api");
        var model = Read($$"""
            services:
              web: { image: web, expose: ["{{preferred}}"], x-mesh: { upstreams: [api] } }
              api: { image: a, expose: ["80"] }
            """);

        Assert.NotEqual(preferred, model.FindService("web")!.Upstreams[0].LocalPort);
    }

    [Fact]
    public void Local_ports_are_unique_within_a_service() =>
        ErrorAt(Project("[{ service: api, local_port: 9001 }, { service: catalog, local_port: 9001 }]"), "9001", "9001 (for catalog) is already the local port of api; give each upstream its own local_port", occurrence: 2);

    [Fact]
    public void A_local_port_may_not_be_one_of_the_services_own_ports() =>
        ErrorAt(Project("[{ service: api, local_port: 8080 }]"), "8080 }", "8080 (for api) is a container port of web, and local ports bind in the same task; choose another local_port");

    [Theory]
    [InlineData(ConsulSpec.Name, 8500)]
    [InlineData(ConsulSpec.Name, 19000)]
    [InlineData(ConsulSpec.Name, 20000)]
    [InlineData(AppMeshSpec.Name, 15001)]
    public void A_local_port_may_not_be_reserved_by_the_backend(string backend, int port) =>
        ErrorAt($"x-mesh: {{ consul: {{ dev_server: true }} }}\n" + Project($"[{{ service: api, local_port: {port} }}]"), $"{port} }}", $"{port} (for api) is reserved by {RegisteredBackends.Specs.Single(b => b.Name == backend).ReservedBy} (", backend);

    [Fact]
    public void A_reserved_port_is_fine_for_a_backend_that_does_not_reserve_it() =>
        Assert.Equal(15001, PortsOf(Project("[{ service: api, local_port: 15001 }]"))["api"]);

    [Theory]
    [InlineData(AppMeshSpec.Name, 9901)]
    [InlineData(ConsulSpec.Name, 20000)]
    public void A_listener_may_not_be_on_a_reserved_port(string backend, int port) =>
        ErrorAt($$"""
            x-mesh: { consul: { dev_server: true } }
            services:
              api: { image: a, expose: ["{{port}}"], x-mesh: { port: {{port}} } }
            """, $"{port} }}", $"port {port} is reserved by {RegisteredBackends.Specs.Single(b => b.Name == backend).ReservedBy}", backend);

    [Fact]
    public void Direct_edges_have_no_local_port()
    {
        var model = Read("""
            x-mesh: {}
            services:
              web: { image: web, expose: ["80"], depends_on: [db] }
              db: { image: db, expose: ["5432"], x-mesh: false }
            """);

        var edge = Assert.Single(model.Edges);
        Assert.Equal(EdgeVia.Direct, edge.Via);
        Assert.Null(edge.LocalPort);
    }

    [Fact]
    public void An_upstream_named_by_host_alone_gets_its_own_port_when_it_is_free()
    {
        var model = Read("""
            services:
              web:
                image: w
                expose: ["8080"]
                environment: { FLAGD_HOST: flagd, FLAGD_PORT: "8013", FRONTEND_HOST: frontend, CATALOG_URL: "http://catalog:80" }
                depends_on: [flagd, frontend, catalog]
              flagd: { image: f, expose: ["8013"] }
              frontend: { image: fe, expose: ["8080"] }
              catalog: { image: c, expose: ["80"] }
            """, "appmesh");
        var ports = model.FindService("web")!.Upstreams.ToDictionary(u => u.Upstream, u => u.LocalPort!.Value);

        Assert.Equal(8013, ports["flagd"]);
        Assert.InRange(ports["frontend"], 20100, 29999); // 8080 is web's own port
        Assert.InRange(ports["catalog"], 20100, 29999); // a URL carries its port, which the rewrite replaces
    }
}
