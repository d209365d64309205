using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// Service Connect has no traffic rules: a route is a client alias only when it is one
/// unconditional target. Each other route feature is an error that names the route and rule,
/// says why, says what would work, and points at the feature's own key.
/// </summary>
public sealed class RouteCheckTests
{
    private const string Why = "Service Connect has no traffic rules: a name sends all of its traffic to one service";

    private const string Instead = "keep one rule with no match and one target (the route then becomes the client alias \"api\"), keep weighted or conditional routing on a load balancer, or stay on --mesh appmesh until this route is migrated";

    private static string With(string routes) => $"""
        name: rt
        x-mesh:
          routes:
        {Indent(routes)}
        services:
          web: {"{"} image: w, expose: ["8080"], x-mesh: {"{"} upstreams: [api] {"}"} {"}"}
          api-v1: {"{"} image: a, expose: ["8080"] {"}"}
          api-v2: {"{"} image: a, expose: ["8080"] {"}"}
          rpc-v1: {"{"} image: r, expose: ["50051"], x-mesh: {"{"} protocol: grpc {"}"} {"}"}
          rpc-v2: {"{"} image: r, expose: ["50051"], x-mesh: {"{"} protocol: grpc {"}"} {"}"}
        """;

    private static string Indent(string text) => string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => "    " + l));

    [Fact]
    public void Weights_are_an_error_at_the_rules_targets()
    {
        var compose = With("""
            api:
              rules:
                - targets: { api-v1: 90, api-v2: 10 }
            """);
        var error = Sc.At(Sc.Errors(compose), compose, "targets: { api-v1: 90", "x-mesh.routes.api.rules[0].targets: route api, rule 1 splits traffic by weight (api-v1: 90, api-v2: 10), and " + Why);
        Assert.EndsWith("so it cannot split it; " + Instead, error.Message);
    }

    [Fact]
    public void A_path_match_is_an_error_at_the_match()
    {
        var compose = With("""
            api:
              rules:
                - match: { path_prefix: /v2 }
                  targets: { api-v2: 1 }
                - targets: { api-v1: 1 }
            """);
        var errors = Sc.Errors(compose);
        var error = Sc.At(errors, compose, "match: { path_prefix", "x-mesh.routes.api.rules[0].match: route api, rule 1 matches requests (path_prefix /v2), and " + Why);
        Assert.EndsWith("so it cannot choose a target by request; " + Instead, error.Message);
        Assert.Single(errors, e => e.Severity == Severity.Error);
    }

    [Fact]
    public void Header_and_method_matches_are_named_in_the_error()
    {
        var compose = With("""
            api:
              rules:
                - match:
                    method: GET
                    headers: { x-canary: { exact: "true" } }
                  targets: { api-v2: 1 }
                - targets: { api-v1: 1 }
            """);
        Sc.At(Sc.Errors(compose), compose, "match:", "route api, rule 1 matches requests (method GET; headers x-canary)");
    }

    [Fact]
    public void A_grpc_match_is_an_error_at_the_match()
    {
        var compose = With("""
            rpc:
              protocol: grpc
              rules:
                - match: { grpc_service: catalog.v1.Catalog, grpc_method: List }
                  targets: { rpc-v2: 1 }
                - targets: { rpc-v1: 1 }
            api:
              rules:
                - targets: { api-v1: 1 }
            """);
        Sc.At(Sc.Errors(compose), compose, "match: { grpc_service", "x-mesh.routes.rpc.rules[0].match: route rpc, rule 1 matches requests (grpc catalog.v1.Catalog/List)");
    }

    [Fact]
    public void Retries_are_an_error_at_the_retries_key_even_on_a_single_target()
    {
        var compose = With("""
            api:
              rules:
                - targets: { api-v1: 1 }
                  retries: { attempts: 3 }
            """);
        var errors = Sc.Errors(compose);
        Sc.At(errors, compose, "retries:", "x-mesh.routes.api.rules[0].retries: route api, rule 1 retries failed requests (3 attempts), and Service Connect has no retry policy to set");
        Assert.Single(errors, e => e.Severity == Severity.Error);
    }

    [Fact]
    public void A_per_rule_timeout_is_an_error_that_says_where_timeouts_go()
    {
        var compose = With("""
            api:
              rules:
                - targets: { api-v1: 1 }
                  timeout: 15s
            """);
        Sc.At(Sc.Errors(compose), compose, "timeout: 15s",
            "x-mesh.routes.api.rules[0].timeout: route api, rule 1 sets a per-request timeout of 15s, and Service Connect sets timeouts per service, not per route; move it to services.api-v1.x-mesh.timeout.per_request");
    }

    [Fact]
    public void Every_rule_reports_its_own_features_in_one_run()
    {
        var compose = With("""
            api:
              rules:
                - match: { path_prefix: /beta }
                  targets: { api-v2: 1 }
                  retries: { attempts: 2 }
                - targets: { api-v1: 80, api-v2: 20 }
            """);
        var errors = Sc.Errors(compose);
        Sc.At(errors, compose, "match: { path_prefix", "route api, rule 1 matches requests (path_prefix /beta)");
        Sc.At(errors, compose, "retries:", "route api, rule 1 retries failed requests (2 attempts)");
        Sc.At(errors, compose, "targets: { api-v1: 80", "route api, rule 2 splits traffic by weight (api-v1: 80, api-v2: 20)");
        Assert.Equal(3, errors.Count(e => e.Severity == Severity.Error));
    }

    [Fact]
    public void Validate_reports_the_route_error_with_file_line_and_column_and_exits_1()
    {
        var compose = With("""
            api:
              rules:
                - targets: { api-v1: 50, api-v2: 50 }
            """);
        using var dir = new TempDir();
        dir.File("compose.yaml", compose);
        var (line, column) = Sc.Position(compose, "targets: { api-v1: 50");
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "service-connect");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"compose.yaml:{line}:{column}: error: x-mesh.routes.api.rules[0].targets: route api, rule 1 splits traffic by weight (api-v1: 50, api-v2: 50)", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(dir.Path, "validate", "--mesh", "appmesh").ExitCode);
    }

    [Theory]
    [InlineData("- targets: { api-v2: 1 }", "api-v2")]
    [InlineData("- targets: { api-v1: 0, api-v2: 100 }", "api-v2")]
    public void One_unconditional_target_is_no_error_and_becomes_a_client_alias_of_the_target(string rule, string target)
    {
        var compose = With($"""
            api:
              port: 9090
              rules:
                {rule}
            """);
        var model = Sc.Read(compose);
        Assert.DoesNotContain(model.Warnings, w => w.Severity == Severity.Error);

        var resources = Sc.Resources(compose);
        var endpoints = Sc.Connect(resources, target)!["Services"]!.AsArray();
        // The target's two names, then the route's (short, then <name>.<namespace>: one alias per endpoint).
        Assert.Equal(4, endpoints.Count);
        Assert.Equal([$"{target}:8080", "api:9090", $"{target}.rt.local:8080", "api.rt.local:9090"],
            endpoints.Select(e => $"{e!["ClientAliases"]![0]!["DnsName"]}:{e["ClientAliases"]![0]!["Port"]}"));
        Assert.Equal([$"{target}-sc", "api-sc", $"{target}-sc-ns", "api-sc-ns"], endpoints.Select(e => (string?)e!["DiscoveryName"]));
        Assert.All(endpoints, e => Assert.Equal((string?)endpoints[0]!["PortName"], (string?)e!["PortName"]));
        Assert.Equal(2, Sc.Connect(resources, "api-v1")!["Services"]!.AsArray().Count);

        // web calls api: its rule is to the route's target, on the target's listener port.
        Assert.Contains($"web->{target.Replace("-", "", StringComparison.Ordinal)}", string.Join(" ", Sc.ServiceEdges(resources)), StringComparison.Ordinal);
    }
}
