using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>Route rules (spec §3).</summary>
public sealed class RouteCheckTests
{
    private const string Services = """
        services:
          api-v1: { image: a, expose: ["8080"] }
          api-v2: { image: a, expose: ["8080"] }
          rpc: { image: r, expose: ["50051"], x-mesh: { protocol: grpc } }
          db: { image: d, expose: ["5432"], x-mesh: { protocol: tcp } }
          worker: { image: w, x-mesh: { outbound_only: true } }
          legacy: { image: l, expose: ["80"], x-mesh: false }
        """;

    private static string WithRoutes(string routes) => $"x-mesh:\n  routes:\n{Indent(routes, 4)}\n{Services}";

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));

    [Fact]
    public void Route_name_equal_to_a_service_name() =>
        ErrorAt(WithRoutes("""
            api-v1:
              rules: [ { targets: { api-v2: 1 } } ]
            """), "api-v1:", "a route may not have the name of a service");

    [Fact]
    public void Route_name_that_is_no_dns_label() =>
        ErrorAt(WithRoutes("""
            api_route_:
              rules: [ { targets: { api-v2: 1 } } ]
            """), "api_route_", "\"api_route_\" is not a valid route name");

    [Fact]
    public void Unknown_key_in_a_route() =>
        UnknownKeyAt(WithRoutes("""
            api:
              protocl: http
              rules: [ { targets: { api-v2: 1 } } ]
            """), "protocl", "protocl", "protocol");

    [Fact]
    public void Unknown_target_suggests_a_service() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v3: 1 } } ]
            """), "api-v3", "unknown service \"api-v3\"; a route's targets are mesh services; did you mean \"api-v1\"?");

    [Fact]
    public void Target_that_is_a_route() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 1 } } ]
            front:
              rules: [ { targets: { api: 1 } } ]
            """), "api: 1", "api is a route, and a route cannot target a route");

    [Fact]
    public void Target_outside_the_mesh() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { legacy: 1 } } ]
            """), "legacy: 1", "legacy has x-mesh: false, so it is not in the mesh; a route's targets must be mesh services with a listener");

    [Fact]
    public void Target_that_is_outbound_only() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { worker: 1 } } ]
            """), "worker: 1", "worker is outbound-only (it has no listener); a route's targets must be mesh services with a listener");

    [Fact]
    public void Protocol_mismatch_between_route_and_target() =>
        ErrorAt(WithRoutes("""
            api:
              protocol: http
              rules: [ { targets: { api-v1: 50, rpc: 50 } } ]
            """), "rpc: 50", "the route speaks http but rpc listens with grpc; every target must speak the route's protocol");

    [Fact]
    public void Protocol_mismatch_between_targets_of_a_defaulted_route() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 50, rpc: 50 } } ]
            """), "rpc: 50", "the route speaks tcp but rpc listens with grpc");

    [Fact]
    public void Weight_above_100() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 101 } } ]
            """), "101", "targets.api-v1: 101 is out of range; use a whole number from 0 to 100");

    [Fact]
    public void Negative_weight() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: -5, api-v2: 5 } } ]
            """), "-5", "-5 is out of range; use a whole number from 0 to 100");

    [Fact]
    public void Weight_that_is_not_a_whole_number() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 0.5, api-v2: 1 } } ]
            """), "0.5", "must be a whole number from 0 to 100, not \"0.5\"");

    [Fact]
    public void All_weights_zero() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 0, api-v2: 0 } } ]
            """), "targets", "every weight is 0, so this rule would send traffic nowhere");

    [Fact]
    public void Rule_without_match_that_is_not_last() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - targets: { api-v1: 1 }
                - match: { path_prefix: /v2 }
                  targets: { api-v2: 1 }
            """), "targets: { api-v1", "rule 1 has no match, so it takes all traffic and the rules after it never apply; add a match, or move it last");

    [Fact]
    public void Tcp_route_with_two_rules() =>
        ErrorAt(WithRoutes("""
            pg:
              protocol: tcp
              rules:
                - targets: { db: 1 }
                - targets: { db: 1 }
            """), "targets: { db: 1 }", "a tcp route has exactly one rule", occurrence: 2);

    [Fact]
    public void Tcp_route_with_a_match() =>
        ErrorAt(WithRoutes("""
            pg:
              rules:
                - match: { path_prefix: / }
                  targets: { db: 1 }
            """), "match", "a tcp route cannot match: tcp carries no paths, methods or headers; remove match");

    [Fact]
    public void Tcp_route_with_a_timeout() =>
        ErrorAt(WithRoutes("""
            pg:
              rules: [ { targets: { db: 1 }, timeout: 5s } ]
            """), "timeout", "a tcp route has no requests to time out");

    [Fact]
    public void Tcp_route_with_retries() =>
        ErrorAt(WithRoutes("""
            pg:
              rules: [ { targets: { db: 1 }, retries: { attempts: 2 } } ]
            """), "retries", "a tcp route has no requests to retry; remove retries");

    [Fact]
    public void Path_on_a_grpc_route() =>
        ErrorAt(WithRoutes("""
            catalog:
              rules:
                - match: { path_prefix: /catalog }
                  targets: { rpc: 1 }
            """), "path_prefix", "a grpc route matches grpc_service, grpc_method and headers (metadata), not path_prefix");

    [Fact]
    public void Grpc_service_on_an_http_route() =>
        ErrorAt(WithRoutes("""
            api:
              protocol: http
              rules:
                - match: { grpc_service: catalog.v1.Catalog }
                  targets: { api-v1: 1 }
            """), "grpc_service", "an http route matches paths, method, headers and query, not grpc_service");

    [Fact]
    public void Method_on_a_grpc_route() =>
        ErrorAt(WithRoutes("""
            catalog:
              rules:
                - match: { grpc_service: a.B, method: POST }
                  targets: { rpc: 1 }
            """), "method", "a grpc route matches grpc_service, grpc_method and headers (metadata), not method");

    [Fact]
    public void Two_path_conditions() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { path_prefix: /a, path_exact: /b }
                  targets: { api-v1: 1 }
            """), "path_exact", "a match takes one path condition, and path_prefix is already given");

    [Fact]
    public void Path_that_does_not_start_with_a_slash() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { path_prefix: v2 }
                  targets: { api-v1: 1 }
            """), "v2 }", "\"v2\" must start with '/', such as /v2");

    [Fact]
    public void Invalid_path_regex() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { path_regex: "/v(2" }
                  targets: { api-v1: 1 }
            """), "\"/v(2\"", "\"/v(2\" is not a valid regular expression");

    [Fact]
    public void Unknown_http_method() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { method: get }
                  targets: { api-v1: 1 }
            """), "get", "\"get\" is not an HTTP method; use one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH (upper case); did you mean \"GET\"?");

    [Fact]
    public void Unknown_header_matcher() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { headers: { x-canary: { exactly: "true" } } }
                  targets: { api-v1: 1 }
            """), "exactly", "headers.x-canary: unknown matcher \"exactly\"; use one of exact | prefix | suffix | regex | present; did you mean \"exact\"?");

    [Fact]
    public void Header_with_two_matchers() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { headers: { x-canary: { exact: "1", prefix: "2" } } }
                  targets: { api-v1: 1 }
            """), "{ exact", "headers.x-canary: must be a mapping with one of exact | prefix | suffix | regex | present");

    [Fact]
    public void Query_matcher_that_queries_do_not_take() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { query: { beta: { suffix: "1" } } }
                  targets: { api-v1: 1 }
            """), "suffix", "query.beta: unknown matcher \"suffix\"; use one of exact | regex | present");

    [Fact]
    public void Grpc_method_without_grpc_service() =>
        ErrorAt(WithRoutes("""
            catalog:
              rules:
                - match: { grpc_method: List }
                  targets: { rpc: 1 }
            """), "grpc_method", "grpc_method: needs grpc_service");

    [Fact]
    public void Empty_match() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: {}
                  targets: { api-v1: 1 }
            """), "match", "an empty match matches everything; remove match, or add a condition");

    [Fact]
    public void Route_without_rules() =>
        ErrorAt(WithRoutes("""
            api:
              port: 8080
            """), "api:", "rules is required; add at least one rule");

    [Fact]
    public void Rule_without_targets() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - timeout: 5s
            """), "timeout: 5s", "targets is required");

    [Fact]
    public void Retries_without_attempts() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 1 }, retries: { per_try_timeout: 2s } } ]
            """), "retries", "attempts is required");

    [Fact]
    public void Unknown_retry_event() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 1 }, retries: { attempts: 2, on: [server-errors] } } ]
            """), "server-errors", "\"server-errors\" is not a retry event; use server-error, gateway-error");

    [Fact]
    public void Grpc_retry_event_on_an_http_route() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 1 }, retries: { attempts: 2, on: [unavailable] } } ]
            """), "retries", "\"unavailable\" is a gRPC status, and this route is http");

    [Fact]
    public void Rule_timeout_that_is_no_duration() =>
        ErrorAt(WithRoutes("""
            api:
              rules: [ { targets: { api-v1: 1 }, timeout: soon } ]
            """), "soon", "rules[0].timeout: \"soon\" is not a duration");

    [Fact]
    public void Route_protocol_value() =>
        ErrorAt(WithRoutes("""
            api:
              protocol: https
              rules: [ { targets: { api-v1: 1 } } ]
            """), "https", "\"https\" is not one of http | http2 | grpc | tcp; did you mean \"http\"?");

    [Fact]
    public void Present_false_cannot_be_matched() =>
        ErrorAt(WithRoutes("""
            api:
              rules:
                - match: { headers: { x-debug: { present: false } } }
                  targets: { api-v1: 1 }
            """), "false", "only present: true can be matched");

    [Fact]
    public void Empty_rules() =>
        ErrorAt(WithRoutes("""
            api:
              rules: []
            """), "[]", "rules: must be a non-empty list of rules, not a sequence");

    [Fact]
    public void Routes_of_a_wrong_type() =>
        ErrorAt("x-mesh:\n  routes: [api]\n" + Services, "[api]", "x-mesh.routes: must be a mapping, not a sequence");

    [Fact]
    public void Header_names_that_start_with_x_are_matched_not_ignored()
    {
        var model = Read(WithRoutes("""
            api:
              rules:
                - match: { headers: { x-canary: { exact: "true" } }, query: { beta: { present: true } } }
                  targets: { api-v2: 1 }
                - targets: { api-v1: 1 }
            """));

        var match = model.Routes[0].Rules[0].Match!;
        Assert.Equal(("x-canary", "true"), (match.Headers[0].Name, match.Headers[0].Value));
        Assert.Equal(("beta", Core.Mesh.ValueMatchKind.Present), (match.Query[0].Name, match.Query[0].Kind));
    }
}
