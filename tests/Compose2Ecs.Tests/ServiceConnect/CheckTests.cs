using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>What else Service Connect cannot express: errors where the intent would be lost, warnings where Service Connect keeps it its own way.</summary>
public sealed class CheckTests
{
    [Fact]
    public void Tls_permissive_is_an_error()
    {
        const string compose = """
            x-mesh:
              tls: { mode: permissive, acm_pca_arn: "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/x" }
            services:
              api: { image: a, expose: ["8080"] }
            """;
        Sc.At(Sc.Errors(compose), compose, "permissive",
            "x-mesh.tls.mode: Service Connect TLS is all or nothing for a service: it has no permissive mode that also accepts plaintext; use strict (with acm_pca_arn), or disabled");
    }

    [Fact]
    public void Connection_pool_is_an_error_because_the_protection_would_be_lost()
    {
        const string compose = """
            services:
              api:
                image: a
                expose: ["8080"]
                x-mesh:
                  connection_pool: { max_connections: 100 }
            """;
        Sc.At(Sc.Errors(compose), compose, "connection_pool",
            "services.api.x-mesh.connection_pool: Service Connect's proxy has no connection limits to set, so this protection would be lost");
    }

    [Fact]
    public void Health_check_outlier_detection_and_written_drop_all_are_warnings()
    {
        const string compose = """
            x-mesh:
              egress: drop_all
            services:
              api:
                image: a
                expose: ["8080"]
                x-mesh:
                  health_check: { path: /healthz }
                  outlier_detection: { max_server_errors: 3 }
            """;
        var warnings = Sc.Read(compose).Warnings;
        Sc.At(warnings, compose, "health_check", "services.api.x-mesh.health_check: Service Connect's proxy has no health check to configure", Severity.Warning);
        Sc.At(warnings, compose, "outlier_detection", "services.api.x-mesh.outlier_detection: Service Connect's proxy always applies its own outlier detection", Severity.Warning);
        Sc.At(warnings, compose, "drop_all", "x-mesh.egress: Service Connect has no egress filter: drop_all holds between the application's services through their security groups", Severity.Warning);
        Assert.DoesNotContain(Sc.Read(compose.Replace("  egress: drop_all\n", "", StringComparison.Ordinal)).Warnings, w => w.Message.StartsWith("x-mesh.egress", StringComparison.Ordinal));
    }

    [Fact]
    public void Timeouts_are_whole_seconds_rounded_up_with_a_warning()
    {
        const string compose = """
            services:
              api:
                image: a
                expose: ["8080"]
                x-mesh:
                  timeout: { per_request: 1500ms, idle: 60s }
            """;
        Sc.At(Sc.Read(compose).Warnings, compose, "1500ms", "services.api.x-mesh.timeout.per_request: Service Connect takes whole seconds; 1.5s is rounded up to 2s", Severity.Warning);
        var timeout = Sc.Connect(Sc.Resources(compose), "api")!["Services"]![0]!["Timeout"]!;
        Assert.Equal(2, (long?)timeout["PerRequestTimeoutSeconds"]);
        Assert.Equal(60, (long?)timeout["IdleTimeoutSeconds"]);
    }

    [Fact]
    public void A_service_connect_name_that_is_already_a_dns_name_is_an_error()
    {
        const string compose = """
            services:
              api: { image: a, expose: ["8080"] }
              api-sc: { image: b, expose: ["8080"] }
            """;
        Sc.At(Sc.Errors(compose), compose, "api:",
            "services.api: Service Connect would register service api in Cloud Map as \"api-sc\", which is already the DNS name of service api-sc; rename one of them");
    }

    [Fact]
    public void A_gateway_alb_without_certificate_cannot_forward_grpc()
    {
        const string compose = """
            x-mesh:
              gateway:
                load_balancer: alb
                routes:
                  - { path_prefix: /, to: rpc }
            services:
              rpc: { image: r, expose: ["50051"], x-mesh: { protocol: grpc } }
            """;
        Sc.At(Sc.Errors(compose), compose, "{ path_prefix: /, to: rpc }",
            "x-mesh.gateway.routes[0]: rpc speaks grpc, which an application load balancer forwards only from an HTTPS listener; set x-mesh.gateway.certificate_arn");
    }

    [Fact]
    public void The_mesh_shop_example_fails_on_every_feature_service_connect_lacks_and_nothing_else()
    {
        var compose = File.ReadAllText(Path.Combine(Paths.Example("mesh-shop"), "compose.yaml")).ReplaceLineEndings("\n");
        var errors = Sc.Errors(compose).Where(e => e.Severity == Severity.Error).Select(e => e.Message).ToList();
        Assert.Contains(errors, e => e.StartsWith("x-mesh.routes.api.rules[0].match: route api, rule 1 matches requests (path_prefix /v2; headers x-canary)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("x-mesh.routes.api.rules[0].retries:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("x-mesh.routes.api.rules[0].timeout:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("x-mesh.routes.api.rules[1].targets: route api, rule 2 splits traffic by weight (api-v1: 90, api-v2: 10)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("x-mesh.routes.catalog.rules[0].match: route catalog, rule 1 matches requests (grpc catalog.v1.Catalog/List)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("services.api-v1.x-mesh.connection_pool:", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }
}
