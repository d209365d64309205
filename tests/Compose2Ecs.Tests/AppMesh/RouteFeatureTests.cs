using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshSynth;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>Every match kind, weight, timeout and retry setting a route rule can carry, as App Mesh route specs.</summary>
public sealed class RouteFeatureTests : IClassFixture<RouteFeatureTests.Routes>
{
    private readonly TemplateFile _t;

    public RouteFeatureTests(Routes routes)
    {
        _t = routes.Template;
        _check = routes.Check;
    }

    /// <summary>One project with an http, an http2, a grpc and a tcp route, synthesized once.</summary>
    public sealed class Routes : IDisposable
    {
        private readonly TempDir _dir = new();

        public Routes()
        {
            var output = Yaml(_dir, """
                name: rt
                x-mesh:
                  routes:
                    web:
                      rules:
                        - match: { path_exact: /login, method: POST }
                          targets: { web-a: 1 }
                        - match:
                            path_regex: "/items/[0-9]+"
                            headers:
                              x-exact: { exact: "1" }
                              x-prefix: { prefix: "pre" }
                              x-suffix: { suffix: "suf" }
                              x-regex: { regex: "^a+$" }
                              x-present: { present: true }
                            query: { beta: { exact: "on" }, debug: { present: true } }
                          targets: { web-a: 0, web-b: 100 }
                          timeout: 1500ms
                          retries: { attempts: 2, per_try_timeout: 500ms, on: [server-error, client-error, stream-error, connection-error] }
                        - match: { headers: { x-only: { exact: "y" } } }
                          targets: { web-b: 1 }
                        - targets: { web-a: 70, web-b: 30 }
                    h2:
                      rules:
                        - match: { path_prefix: /v2 }
                          targets: { h2-a: 1 }
                          retries: { attempts: 1 }
                        - targets: { h2-a: 1 }
                    rpc:
                      rules:
                        - match: { grpc_service: pkg.Svc, headers: { tenant: { prefix: "t-" } } }
                          targets: { rpc-a: 1 }
                          timeout: 3s
                          retries: { attempts: 4, per_try_timeout: 1s, on: [unavailable, deadline-exceeded, gateway-error, connection-error] }
                        - targets: { rpc-a: 1 }
                    tcp:
                      rules:
                        - targets: { db-a: 80, db-b: 20 }
                services:
                  client:
                    image: example/client
                    x-mesh: { outbound_only: true, upstreams: [web, h2, rpc, tcp] }
                  web-a: { image: example/web, expose: ["8080"] }
                  web-b: { image: example/web, expose: ["8081"] }
                  h2-a: { image: example/h2, expose: ["9000"], x-mesh: { protocol: http2 } }
                  rpc-a: { image: example/rpc, expose: ["50051"], x-mesh: { protocol: grpc } }
                  db-a: { image: postgres:16, expose: ["5432"], x-mesh: { protocol: tcp } }
                  db-b: { image: postgres:16, expose: ["5433"], x-mesh: { protocol: tcp } }
                """);
            Template = output.Template;
            Check = CfnCheck.Run(output.WriteTo(_dir.Sub("out")));
        }

        public TemplateFile Template { get; }

        public CfnCheck.Result Check { get; }

        public void Dispose() => _dir.Dispose();
    }

    private readonly CfnCheck.Result _check;

    [Fact]
    public void Every_route_spec_passes_cfn_check() => Assert.True(_check.ExitCode == 0, _check.Output);

    private Route Http(int rule) => new(_t.Properties(Id("web", $"Route{rule}")));

    private sealed record Route(System.Text.Json.Nodes.JsonObject Properties)
    {
        public string At(string path) => Properties.At(path).Json();
    }

    [Fact]
    public void Rules_keep_their_order_as_priorities_and_names()
    {
        for (var rule = 1; rule <= 4; rule++)
        {
            Assert.Equal($"{rule - 1}", Http(rule).At("Spec.Priority"));
            Assert.Equal($"\"web-{rule}\"", Http(rule).At("RouteName"));
        }

        Assert.DoesNotContain(Id("web", "Route5"), _t.Ids);
    }

    [Fact]
    public void Exact_path_and_method()
    {
        Assert.Equal("""{"Method":"POST","Path":{"Exact":"/login"}}""", Http(1).At("Spec.HttpRoute.Match"));
    }

    [Fact]
    public void Regex_path_every_header_match_kind_and_query_parameters()
    {
        Assert.Equal("""{"Regex":"/items/[0-9]+"}""", Http(2).At("Spec.HttpRoute.Match.Path"));
        Assert.Equal(
            """[{"Match":{"Exact":"1"},"Name":"x-exact"},{"Match":{"Prefix":"pre"},"Name":"x-prefix"},{"Match":{"Suffix":"suf"},"Name":"x-suffix"},{"Match":{"Regex":"^a+$"},"Name":"x-regex"},{"Name":"x-present"}]""",
            Http(2).At("Spec.HttpRoute.Match.Headers"));
        Assert.Equal("""[{"Match":{"Exact":"on"},"Name":"beta"},{"Name":"debug"}]""", Http(2).At("Spec.HttpRoute.Match.QueryParameters"));
    }

    [Fact]
    public void A_header_only_match_matches_every_path()
    {
        Assert.Equal("""{"Headers":[{"Match":{"Exact":"y"},"Name":"x-only"}],"Prefix":"/"}""", Http(3).At("Spec.HttpRoute.Match"));
    }

    [Fact]
    public void Weights_are_the_real_weights_zero_included()
    {
        Assert.Equal("[0,100]", "[" + string.Join(",", _t.Properties(Id("web", "Route2")).At("Spec.HttpRoute.Action.WeightedTargets")!.AsArray().Select(t => (int)t!["Weight"]!)) + "]");
        Assert.Equal("[70,30]", "[" + string.Join(",", _t.Properties(Id("web", "Route4")).At("Spec.HttpRoute.Action.WeightedTargets")!.AsArray().Select(t => (int)t!["Weight"]!)) + "]");
        Assert.Equal("[80,20]", "[" + string.Join(",", _t.Properties(Id("tcp", "Route1")).At("Spec.TcpRoute.Action.WeightedTargets")!.AsArray().Select(t => (int)t!["Weight"]!)) + "]");
    }

    [Fact]
    public void Timeouts_and_retries_split_into_http_and_tcp_events()
    {
        Assert.Equal("""{"PerRequest":{"Unit":"ms","Value":1500}}""", Http(2).At("Spec.HttpRoute.Timeout"));
        Assert.Equal("""{"HttpRetryEvents":["server-error","client-error","stream-error"],"MaxRetries":2,"PerRetryTimeout":{"Unit":"ms","Value":500},"TcpRetryEvents":["connection-error"]}""",
            Http(2).At("Spec.HttpRoute.RetryPolicy"));
        Assert.Equal("null", Http(4).At("Spec.HttpRoute.RetryPolicy"));
    }

    [Fact]
    public void Http2_routes_use_the_http2_spec_with_default_retry_settings()
    {
        var route = _t.Properties(Id("h2", "Route1"));
        Assert.Equal("""{"Prefix":"/v2"}""", route.At("Spec.Http2Route.Match").Json());
        Assert.Equal("""{"HttpRetryEvents":["server-error","gateway-error"],"MaxRetries":1,"PerRetryTimeout":{"Unit":"s","Value":15}}""", route.At("Spec.Http2Route.RetryPolicy").Json());
        Assert.Equal("""[{"PortMapping":{"Port":9000,"Protocol":"http2"}}]""", _t.Properties(Id("h2", "VirtualRouter")).At("Spec.Listeners").Json());
    }

    [Fact]
    public void Grpc_routes_match_service_and_metadata_and_retry_on_grpc_statuses()
    {
        var route = _t.Properties(Id("rpc", "Route1"));
        Assert.Equal("""{"Metadata":[{"Match":{"Prefix":"t-"},"Name":"tenant"}],"ServiceName":"pkg.Svc"}""", route.At("Spec.GrpcRoute.Match").Json());
        Assert.Equal("""{"PerRequest":{"Unit":"s","Value":3}}""", route.At("Spec.GrpcRoute.Timeout").Json());
        Assert.Equal("""{"GrpcRetryEvents":["unavailable","deadline-exceeded"],"HttpRetryEvents":["gateway-error"],"MaxRetries":4,"PerRetryTimeout":{"Unit":"s","Value":1},"TcpRetryEvents":["connection-error"]}""",
            route.At("Spec.GrpcRoute.RetryPolicy").Json());
        Assert.Equal("{}", _t.Properties(Id("rpc", "Route2")).At("Spec.GrpcRoute.Match").Json());
    }

    [Fact]
    public void Tcp_routes_have_no_match_timeout_or_retries()
    {
        var spec = _t.Properties(Id("tcp", "Route1"))["Spec"]!;
        Assert.Equal(["Priority", "TcpRoute"], spec.AsObject().Select(p => p.Key));
        Assert.Equal(["Action"], spec["TcpRoute"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Every_route_gets_a_virtual_service_and_a_resolvable_name_and_the_caller_reaches_each_target_only()
    {
        foreach (var route in new[] { "web", "h2", "rpc", "tcp" })
        {
            Assert.Equal($"{route}.rt.local", (string?)_t.Properties(Id(route, "VirtualService"))["VirtualServiceName"]);
            Assert.Equal("""{"AWS_INSTANCE_IPV4":"169.254.255.254"}""", _t.Properties(Id(route, "DiscoveryInstance"))["InstanceAttributes"].Json());
        }

        Assert.Equal(
        [
            "client to db-a on 5432/tcp", "client to db-b on 5433/tcp", "client to h2-a on 9000/tcp",
            "client to rpc-a on 50051/tcp", "client to web-a on 8080/tcp", "client to web-b on 8081/tcp",
        ], _t.IngressRules());
    }
}
