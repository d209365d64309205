using Compose2Ecs.Consul;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Mesh;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>What backends program against beyond the checks: locations of any key, resolved gateway targets, graph labels per backend.</summary>
public sealed class ModelApiTests
{
    private const string Yaml = """
        x-mesh:
          consul:
            servers: { hosts: consul.internal }
            images: { envoy: my/envoy:1 }
          routes:
            api:
              rules:
                - { match: { path_prefix: /v2 }, targets: { api-v2: 1 } }
                - targets: { api-v1: 90, api-v2: 10 }
          gateway:
            routes:
              - { path_prefix: /, to: web }
              - { path_prefix: /api, to: api }
        services:
          web: { image: web, expose: ["80"], x-mesh: { upstreams: [api], timeout: { idle: 60s } } }
          api-v1: { image: a, expose: ["8080"] }
          api-v2: { image: a, expose: ["8080"] }
        """;

    [Fact]
    public void Any_written_key_can_be_located_by_its_path()
    {
        var model = Read(Yaml);

        Assert.Equal(Position(Yaml, "envoy:"), Pos(model.LocationOf("x-mesh.consul.images.envoy")));
        Assert.Equal(Position(Yaml, "idle"), Pos(model.LocationOf("services.web.x-mesh.timeout.idle")));
        Assert.Equal(Position(Yaml, "api-v1: 90"), Pos(model.LocationOf("x-mesh.routes.api.rules[1].targets.api-v1")));
        // A key that was not written falls back to its nearest written ancestor.
        Assert.Equal(Position(Yaml, "consul:"), Pos(model.LocationOf("x-mesh.consul.datacenter")));
        Assert.Equal((1, 1), Pos(model.LocationOf("x-mesh.appmesh.envoy_image")));
        Assert.False(model.LocationOf("services.api-v1.x-mesh.port").IsKnown);
    }

    [Fact]
    public void Gateway_routes_know_the_services_that_receive_their_traffic()
    {
        var gateway = Read(Yaml).Gateway!;

        Assert.Equal(["web"], gateway.Routes[0].TargetServices.ToArray());
        Assert.Equal(["api-v1", "api-v2"], gateway.Routes[1].TargetServices.ToArray());
        Assert.Equal((UpstreamKind.Route, 8080, MeshProtocol.Http), (gateway.Routes[1].ToKind, gateway.Routes[1].Port, gateway.Routes[1].Protocol));
    }

    [Fact]
    public void The_graph_labels_upstream_edges_with_local_ports_for_consul_only()
    {
        var local = LocalPorts.Preferred("api");

        var consul = MermaidRenderer.Render(MeshGraph.Build(Read(Yaml, ConsulSpec.Name)));
        var appMesh = MermaidRenderer.Render(MeshGraph.Build(Read(Yaml, AppMeshSpec.Name)));

        Assert.Contains($"  s_web -->|\"localhost:{local}\"| r_api\n", consul);
        Assert.Contains("  s_web --> r_api\n", appMesh);
    }

    [Fact]
    public void Mermaid_ids_are_distinct_and_safe_for_any_name()
    {
        string[] keys = ["service:a-b", "service:a_b", "service:a.b", "service:a_hb", "route:a-b", "service:end", "gateway", "internet"];

        var ids = keys.Select(MermaidRenderer.Id).ToList();

        Assert.Equal(keys.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_]+$", id));
        Assert.Equal("s_end", MermaidRenderer.Id("service:end"));
    }

    [Fact]
    public void Labels_are_escaped_in_both_languages()
    {
        var model = Read("""
            x-mesh:
              routes:
                api:
                  rules:
                    - { match: { headers: { x-q: { exact: "a\"b|c#<d>" } } }, targets: { api-v1: 1 } }
                    - targets: { api-v1: 1 }
            services:
              api-v1: { image: a, expose: ["80"] }
            """);
        var graph = MeshGraph.Build(model);

        Assert.Contains("header x-q exact #quot;a#quot;b#124;c#35;#lt;d#gt;#quot;", MermaidRenderer.Render(graph));
        Assert.Contains("header x-q exact \\\"a\\\"b|c#<d>\\\"", DotRenderer.Render(graph, "m\"x"));
        Assert.StartsWith("digraph \"m\\\"x\" {", DotRenderer.Render(graph, "m\"x"));
    }

    private static (int, int) Pos(Compose2Ecs.Core.Diagnostics.SourceLocation location) => (location.Line, location.Column);
}
