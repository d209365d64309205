using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshBuild;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>
/// Shapes that deploy and carry traffic (issue 17), asserted on the templates C# builds (no CDK):
/// the gateway's Envoy binds an unprivileged port and is health-checked on its own readiness,
/// outbound-only tasks have the app port ECS requires, and what Envoy cannot carry is refused at its key.
/// </summary>
public sealed class RunnableTests
{
    private static string Gateway(string gateway) => $$"""
        name: shop
        x-mesh:
          gateway: {{gateway}}
        services:
          web: { image: example/web, expose: ["8080"] }
        """;

    private static readonly string GatewayGroup = new ServiceIds(AppMeshNames.GatewayService).SecurityGroup;

    [Theory]
    [InlineData("{ routes: [{ to: web }] }", "Alb", 80, 8080)]
    [InlineData("{ load_balancer: nlb, port: 443, routes: [{ to: web }] }", "Nlb", 443, 8443)]
    [InlineData("{ port: 9000, routes: [{ to: web }] }", "Alb", 9000, 9000)]
    public void Gateway_envoy_listens_on_an_unprivileged_port_behind_the_load_balancers_port(string gateway, string kind, int lbPort, int envoyPort)
    {
        using var dir = new TempDir();
        var built = Build(dir, Gateway(gateway));

        var vg = Assert.Single(built.OfType("AWS::AppMesh::VirtualGateway"));
        Assert.Equal(envoyPort, (int)(long)vg.At("Spec.Listeners[0].PortMapping.Port")!);

        var envoy = built.Container(AppMeshNames.GatewayService, "envoy");
        Assert.Equal("1337", (string?)envoy["User"]);
        var ports = envoy["PortMappings"]!.AsArray().Select(p => (int)(long)p!["ContainerPort"]!).ToList();
        Assert.Contains(envoyPort, ports);
        Assert.All(ports, p => Assert.True(p >= 1024, $"a non-root Envoy cannot bind {p}"));

        var listener = Assert.Single(built.OfType("AWS::ElasticLoadBalancingV2::Listener"));
        Assert.Equal(lbPort, (int)(long)listener["Port"]!);
        var targetGroup = Assert.Single(built.OfType("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal(envoyPort, (int)(long)targetGroup["Port"]!);

        var ingress = built.Ingress();
        var lbGroup = new ServiceIds(AppMeshNames.GatewayService).LoadBalancerSecurityGroup(kind == "Alb" ? LoadBalancerKind.Application : LoadBalancerKind.Network);
        Assert.Contains((lbGroup, lbPort, "0.0.0.0/0"), ingress);
        Assert.Equal([envoyPort, GatewayPlanner.AdminPort], ingress.Where(r => r.Group == GatewayGroup).Select(r => r.Port).Order());
        Assert.All(ingress.Where(r => r.Group == GatewayGroup), r => Assert.Equal(lbGroup, r.Source));
    }

    [Theory]
    [InlineData("{ routes: [{ to: web }] }")]
    [InlineData("{ load_balancer: nlb, routes: [{ to: web }] }")]
    public void Gateway_target_group_checks_envoys_readiness_not_an_app(string gateway)
    {
        using var dir = new TempDir();
        var built = Build(dir, Gateway(gateway));
        var targetGroup = Assert.Single(built.OfType("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal("HTTP", (string?)targetGroup["HealthCheckProtocol"]);
        Assert.Equal("9901", (string?)targetGroup["HealthCheckPort"]);
        Assert.Equal("/ready", (string?)targetGroup["HealthCheckPath"]);
    }

    [Fact]
    public void Published_ports_of_the_base_keep_their_traffic_port_health_check()
    {
        using var dir = new TempDir();
        var built = Build(dir, "name: s\nservices:\n  web: { image: example/web, ports: [\"80:8080\"] }\n");
        var targetGroup = Assert.Single(built.OfType("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Null(targetGroup["HealthCheckPort"]);
    }

    [Fact]
    public void Outbound_only_task_names_an_unused_app_port_and_the_ingress_port()
    {
        using var dir = new TempDir();
        var built = Build(dir, """
            name: shop
            services:
              api: { image: example/api, expose: ["8080"] }
              worker:
                image: example/worker
                x-mesh: { outbound_only: true, upstreams: [api] }
              cron:
                image: example/cron
                expose: ["15099"]
                x-mesh: { outbound_only: true, upstreams: [api] }
            """);
        var worker = built.Proxy("worker");
        Assert.Equal("15099", worker["AppPorts"]);
        Assert.Equal("15000", worker["ProxyIngressPort"]);
        Assert.Equal("15001", worker["ProxyEgressPort"]);

        // A task whose container takes that port gets the next free one.
        Assert.Equal("15100", built.Proxy("cron")["AppPorts"]);

        // Still nothing can call it: no listener, no rule admitting anyone to it.
        Assert.DoesNotContain(built.Ingress(), r => r.Group == new ServiceIds("worker").SecurityGroup);
    }

    [Fact]
    public void Direct_and_mesh_upstreams_on_one_port_are_refused_naming_both()
    {
        using var dir = new TempDir();
        var errors = Errors(dir, """
            name: shop
            services:
              web:
                image: example/web
                expose: ["8080"]
                depends_on: [legacy]
                x-mesh: { upstreams: [api] }
              api: { image: example/api, expose: ["8080"] }
              legacy: { image: example/legacy, expose: ["8080"], x-mesh: false }
            """);
        var error = Assert.Single(errors);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((7, 27), (error.Location.Line, error.Location.Column));
        Assert.StartsWith("services.web.x-mesh.upstreams:", error.Message, StringComparison.Ordinal);
        Assert.Contains("api", error.Message, StringComparison.Ordinal);
        Assert.Contains("legacy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direct_upstream_on_its_own_port_bypasses_envoy()
    {
        using var dir = new TempDir();
        var built = Build(dir, """
            name: shop
            services:
              web:
                image: example/web
                expose: ["8080"]
                depends_on: [mailer]
                x-mesh: { upstreams: [api] }
              api: { image: example/api, expose: ["8080"] }
              mailer: { image: example/mailer, expose: ["25"], x-mesh: false }
            """);
        Assert.Equal("25", built.Proxy("web")["EgressIgnoredPorts"]);
    }

    [Fact]
    public void More_than_fifteen_egress_ignored_ports_is_an_error()
    {
        using var dir = new TempDir();
        var ports = string.Join(", ", Enumerable.Range(7000, 16).Select(p => $"\"{p}\""));
        var errors = Errors(dir, $$"""
            name: shop
            services:
              web:
                image: example/web
                expose: ["8080"]
                depends_on: [legacy]
              legacy: { image: example/legacy, expose: [{{ports}}], x-mesh: false }
            """);
        var error = Assert.Single(errors);
        Assert.Equal(6, error.Location.Line);
        Assert.Contains("15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tcp_backends_on_one_port_are_refused_at_the_second()
    {
        using var dir = new TempDir();
        var errors = Errors(dir, """
            name: shop
            services:
              web:
                image: example/web
                expose: ["8080"]
                x-mesh: { upstreams: [db1, db2] }
              db1: { image: example/pg, expose: ["5432"], x-mesh: { protocol: tcp } }
              db2: { image: example/pg, expose: ["5432"], x-mesh: { protocol: tcp } }
            """);
        var error = Assert.Single(errors);
        Assert.Equal((6, 32), (error.Location.Line, error.Location.Column));
        Assert.Contains("db1", error.Message, StringComparison.Ordinal);
        Assert.Contains("db2", error.Message, StringComparison.Ordinal);
    }

    private const string Pca = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";

    [Fact]
    public void Strict_tls_with_a_published_listener_port_is_refused_at_the_port()
    {
        using var dir = new TempDir();
        var errors = Errors(dir, $$"""
            name: shop
            x-mesh:
              tls: { mode: strict, acm_pca_arn: {{Pca}} }
            services:
              api:
                image: example/api
                ports: ["80:8080"]
            """);
        var error = Assert.Single(errors);
        Assert.Equal(7, error.Location.Line);
        Assert.StartsWith("services.api.ports:", error.Message, StringComparison.Ordinal);
        Assert.Contains("permissive", error.Message, StringComparison.Ordinal);
        Assert.Contains("gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissive_tls_with_a_published_port_is_accepted()
    {
        using var dir = new TempDir();
        var built = Build(dir, $$"""
            name: shop
            x-mesh:
              tls: { mode: permissive, acm_pca_arn: {{Pca}} }
            services:
              api:
                image: example/api
                ports: ["80:8080"]
            """);
        Assert.Single(built.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"));
    }

    private const string Routed = """
        services:
          web: { image: example/web, expose: ["8080"], x-mesh: { upstreams: [api] } }
          api-v1: { image: example/api, expose: ["8080"] }
        """;

    [Theory]
    [InlineData("", "web", "api")]
    [InlineData("  appmesh: { existing: true }\n", "shop-web", "shop-api")]
    public void Node_and_router_names_are_scoped_by_project_in_a_shared_mesh(string appmesh, string node, string router)
    {
        using var dir = new TempDir();
        var built = Build(dir, "name: shop\nx-mesh:\n" + appmesh + "  routes:\n    api:\n      rules:\n        - targets: { api-v1: 1 }\n" + Routed);
        Assert.Contains(built.OfType("AWS::AppMesh::VirtualNode"), n => (string?)n["VirtualNodeName"] == node);
        Assert.Equal(router, (string?)Assert.Single(built.OfType("AWS::AppMesh::VirtualRouter"))["VirtualRouterName"]);
    }

    private static string Sized(string resources, string appmesh = "") => $$"""
        name: shop
        {{appmesh}}
        services:
          api:
            image: example/api
            expose: ["8080"]
            deploy: { resources: { limits: {{resources}} } }
        """;

    [Fact]
    public void Envoy_shares_the_cpu_of_an_app_that_takes_the_whole_size()
    {
        using var dir = new TempDir();
        var built = Build(dir, Sized("{ cpus: \"0.5\", memory: 512M }"));
        var task = built.Properties(LogicalIds.For("api", "TaskDefinition"));
        Assert.Equal("512", (string?)task["Cpu"]);
        Assert.Null(built.Container("api", "envoy")["Cpu"]);
        Assert.DoesNotContain(built.Plan.Warnings, w => w.Message.Contains("Envoy sidecar", StringComparison.Ordinal));
    }

    [Fact]
    public void Envoy_reserves_its_cpu_where_the_size_has_room()
    {
        using var dir = new TempDir();
        var built = Build(dir, Sized("{ memory: 512M }"));
        Assert.Equal(64, (int)(long)built.Container("api", "envoy")["Cpu"]!);
        Assert.Equal("256", (string?)built.Properties(LogicalIds.For("api", "TaskDefinition"))["Cpu"]);
    }

    [Fact]
    public void A_written_envoy_cpu_counts_and_warns_when_it_moves_the_task_to_the_next_size()
    {
        using var dir = new TempDir();
        var built = Build(dir, Sized("{ cpus: \"0.5\", memory: 512M }", "x-mesh:\n  appmesh: { envoy: { cpu: 128 } }"));
        Assert.Equal(128, (int)(long)built.Container("api", "envoy")["Cpu"]!);
        Assert.Equal("1024", (string?)built.Properties(LogicalIds.For("api", "TaskDefinition"))["Cpu"]);
        var warning = Assert.Single(built.Plan.Warnings, w => w.Message.Contains("Envoy sidecar", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(5, warning.Location.Line); // the service: "  api:"
    }
}
