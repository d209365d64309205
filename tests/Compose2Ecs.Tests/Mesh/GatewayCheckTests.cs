using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Gateway rules (spec §4).</summary>
public sealed class GatewayCheckTests
{
    private const string Services = """
        services:
          frontend: { image: f, expose: ["8080"] }
          db: { image: d, expose: ["5432"], x-mesh: { protocol: tcp } }
          worker: { image: w, x-mesh: { outbound_only: true } }
          legacy: { image: l, expose: ["80"], x-mesh: false }
        """;

    private static string WithGateway(string gateway) =>
        $"x-mesh:\n  gateway:\n{string.Join("\n", gateway.Split('\n').Select(l => "    " + l))}\n{Services}";

    [Fact]
    public void Route_to_an_unknown_target_suggests_the_nearest() =>
        ErrorAt(WithGateway("routes: [ { path_prefix: /, to: fronend } ]"), "fronend",
            "unknown service or route \"fronend\"; the gateway sends requests to a mesh service or a route; did you mean \"frontend\"?");

    [Fact]
    public void Route_to_a_plain_service() =>
        ErrorAt(WithGateway("routes: [ { to: legacy } ]"), "legacy }", "legacy has x-mesh: false, so it is not in the mesh, so the gateway cannot send requests to it");

    [Fact]
    public void Route_to_an_outbound_only_service() =>
        ErrorAt(WithGateway("routes: [ { to: worker } ]"), "worker }", "worker is outbound-only (it has no listener), so the gateway cannot send requests to it");

    [Fact]
    public void Route_without_to() =>
        ErrorAt(WithGateway("routes: [ { path_prefix: /api } ]"), "{ path_prefix", "to is required");

    [Fact]
    public void Gateway_without_routes() =>
        ErrorAt(WithGateway("port: 443"), "gateway", "routes is required");

    [Fact]
    public void Load_balancer_value() =>
        ErrorAt(WithGateway("load_balancer: elb\nroutes: [ { to: frontend } ]"), "elb", "x-mesh.gateway.load_balancer: \"elb\" is not one of alb | nlb");

    [Fact]
    public void Alb_to_a_tcp_service() =>
        ErrorAt(WithGateway("load_balancer: alb\nroutes: [ { to: db } ]"), "db }", "db speaks tcp, which an alb cannot forward; set load_balancer: nlb");

    [Fact]
    public void Nlb_with_two_routes() =>
        ErrorAt(WithGateway("load_balancer: nlb\nroutes:\n  - { to: frontend }\n  - { path_prefix: /db, to: db }"), "{ path_prefix: /db",
            "an nlb forwards its port to one target and cannot choose by path");

    [Fact]
    public void Nlb_with_a_path() =>
        ErrorAt(WithGateway("load_balancer: nlb\nroutes: [ { path_prefix: /db, to: db } ]"), "/db", "an nlb cannot match paths");

    [Fact]
    public void Duplicate_path_prefix() =>
        ErrorAt(WithGateway("routes:\n  - { path_prefix: /, to: frontend }\n  - { path_prefix: /, to: frontend }"), "/", "/ is already routed by an earlier gateway route", occurrence: 2);

    [Fact]
    public void Path_prefix_without_a_slash() =>
        ErrorAt(WithGateway("routes: [ { path_prefix: api, to: frontend } ]"), "api,", "\"api\" must start with '/'");

    [Fact]
    public void Unknown_key_in_a_gateway_route() =>
        UnknownKeyAt(WithGateway("routes: [ { prefix: /, to: frontend } ]"), "prefix", "prefix", "path_prefix");
}
