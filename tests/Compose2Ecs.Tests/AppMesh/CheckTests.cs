using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshSynth;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>What the model allows and App Mesh cannot express: an error at the key, nothing written.</summary>
public sealed class CheckTests
{
    private static Diagnostic Single(string compose, string contains)
    {
        using var dir = new TempDir();
        var errors = Errors(dir, compose);
        Assert.False(Directory.Exists(dir.Sub("cdk.out")));
        return Assert.Single(errors, e => e.Message.Contains(contains, StringComparison.Ordinal));
    }

    private static void At(Diagnostic error, int line, int column)
    {
        Assert.Equal(Severity.Error, error.Severity);
        Assert.EndsWith("compose.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
    }

    private const string Eleven = """
        name: many
        x-mesh:
          routes:
            r:
              rules:
                - targets: { s1: 1, s2: 1, s3: 1, s4: 1, s5: 1, s6: 1, s7: 1, s8: 1, s9: 1, s10: 1, s11: 1 }
        services:
        """;

    [Fact]
    public void More_than_ten_weighted_targets()
    {
        var compose = Eleven + "\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"  s{i}: {{ image: example/s, expose: [\"80\"] }}\n"));
        var error = Single(compose, "at most 10 weighted targets");
        At(error, 6, 93);
        Assert.StartsWith("x-mesh.routes.r.rules[0].targets:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_parameters_matched_by_regex()
    {
        var error = Single("""
            name: q
            x-mesh:
              routes:
                r:
                  rules:
                    - match: { path_prefix: /, query: { id: { regex: "[0-9]+" } } }
                      targets: { a: 1 }
                    - targets: { a: 1 }
            services:
              a: { image: example/a, expose: ["80"] }
            """, "query parameter exactly or by its presence");
        Assert.Contains("x-mesh.routes.r.rules[0].match.query.id", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void Health_checks_outside_app_meshs_ranges()
    {
        using var dir = new TempDir();
        var errors = Errors(dir, """
            name: hc
            services:
              a:
                image: example/a
                expose: ["80"]
                x-mesh:
                  health_check: { interval: 1s, timeout: 500ms, healthy_threshold: 1 }
            """);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.StartsWith("services.a.x-mesh.health_check.interval: App Mesh checks every 5s to 300s", StringComparison.Ordinal) && e.Location.Line == 7);
        Assert.Contains(errors, e => e.Message.StartsWith("services.a.x-mesh.health_check.timeout: App Mesh waits 2s to 60s", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("services.a.x-mesh.health_check.healthy_threshold: App Mesh needs 2 to 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Connection_pool_fields_the_protocol_does_not_have_and_required_ones_missing()
    {
        using var dir = new TempDir();
        var errors = Errors(dir, """
            name: pool
            services:
              web:
                image: example/web
                expose: ["80"]
                x-mesh: { connection_pool: { max_pending_requests: 5, max_requests: 9 } }
              rpc:
                image: example/rpc
                expose: ["50051"]
                x-mesh: { protocol: grpc, connection_pool: { max_connections: 9 } }
            """);
        Assert.Contains(errors, e => e.Message.StartsWith("services.web.x-mesh.connection_pool.max_requests: App Mesh's http connection pool has max_connections and max_pending_requests", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("services.web.x-mesh.connection_pool: App Mesh's http connection pool needs max_connections", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("services.rpc.x-mesh.connection_pool.max_connections: App Mesh's grpc connection pool has max_requests", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("services.rpc.x-mesh.connection_pool: App Mesh's grpc connection pool needs max_requests", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void A_gateway_route_to_a_tcp_or_grpc_service()
    {
        var tcp = Single("""
            name: gw
            x-mesh:
              gateway:
                load_balancer: nlb
                routes: [{ to: db }]
            services:
              db: { image: postgres:16, expose: ["5432"], x-mesh: { protocol: tcp } }
            """, "routes only http, http2 and grpc");
        Assert.StartsWith("x-mesh.gateway.routes[0].to: db speaks tcp", tcp.Message, StringComparison.Ordinal);
        Assert.Equal(5, tcp.Location.Line);

        var grpc = Single("""
            name: gw
            x-mesh:
              gateway:
                routes: [{ to: rpc }]
            services:
              rpc: { image: example/rpc, expose: ["50051"], x-mesh: { protocol: grpc } }
            """, "needs HTTP/2 end to end");
        Assert.Equal(4, grpc.Location.Line);
    }

    [Fact]
    public void A_service_named_like_the_gateways_ecs_service()
    {
        var error = Single("""
            name: gw
            x-mesh:
              gateway: { routes: [{ to: web }] }
            services:
              web: { image: example/web, expose: ["80"] }
              appmesh-gateway: { image: example/other, expose: ["81"] }
            """, "runs the gateway as the ECS service");
        At(error, 6, 3);
    }

    [Fact]
    public void Methods_app_mesh_does_not_match_and_validate_reports_the_same_errors()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", """
            name: m
            x-mesh:
              backend: appmesh
              routes:
                r:
                  rules:
                    - match: { query: { a: { regex: "x" } } }
                      targets: { a: 1 }
                    - targets: { a: 1 }
            services:
              a: { image: example/a, expose: ["80"] }
            """);
        var result = CliRunner.Run(dir.Path, "validate", "-f", "compose.yaml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:7:", result.Error, StringComparison.Ordinal);
        Assert.Contains("App Mesh matches a query parameter exactly or by its presence", result.Error, StringComparison.Ordinal);
        Assert.Equal(9, AppMeshChecks.Methods.Count);
    }
}
