using System.Text.Json.Nodes;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// With TLS the proxy speaks only TLS 1.3 on its port, so a load-balanced service's proxy moves to an
/// ingress port override: the load balancer keeps the app's port (plain HTTP, its health check), mesh
/// callers reach the proxy on the override, and each security-group path opens the port it really uses.
/// </summary>
public sealed class TlsLoadBalancerTests
{
    private const string Ca = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";

    private static string Compose(bool tls) => $$"""
        x-mesh:
          {{(tls ? $"tls: {{ mode: strict, acm_pca_arn: \"{Ca}\" }}" : "egress: allow_all")}}
          gateway:
            load_balancer: alb
            port: 443
            certificate_arn: arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000
            routes: [{ path_prefix: /, to: web }]
        services:
          web: { image: w, expose: ["8080"], x-mesh: { upstreams: [api] } }
          api: { image: a, expose: ["8080"] }
          shop: { image: s, ports: ["80:8080"], x-mesh: { upstreams: [api] } }
          worker: { image: k, x-mesh: { outbound_only: true, upstreams: [web, shop] } }
        """;

    private static JsonObject Endpoint(JsonObject resources, string service) => Sc.Connect(resources, service)!["Services"]![0]!.AsObject();

    [Fact]
    public void Load_balanced_services_get_an_ingress_port_override_with_tls_and_others_do_not()
    {
        var resources = Sc.Resources(Compose(tls: true));
        Assert.Equal(18080, (long?)Endpoint(resources, "web")["IngressPortOverride"]);   // the gateway's target
        Assert.Equal(18080, (long?)Endpoint(resources, "shop")["IngressPortOverride"]);  // the base's load balancer (published port)
        Assert.Null(Endpoint(resources, "api")["IngressPortOverride"]);                  // no load balancer: the proxy keeps the port
    }

    [Fact]
    public void Without_tls_nothing_moves()
    {
        var resources = Sc.Resources(Compose(tls: false));
        Assert.All(new[] { "web", "shop", "api" }, s => Assert.Null(Endpoint(resources, s)["IngressPortOverride"]));
        Assert.Contains("worker->web:8080-8080/tcp", Sc.ServiceEdges(resources));
    }

    [Fact]
    public void The_load_balancer_keeps_the_app_port_and_mesh_callers_open_the_proxy_port()
    {
        var resources = Sc.Resources(Compose(tls: true));
        var edges = Sc.ServiceEdges(resources).ToList();
        Assert.Contains("worker->web:18080-18080/tcp", edges);
        Assert.Contains("worker->shop:18080-18080/tcp", edges);
        Assert.DoesNotContain("worker->web:8080-8080/tcp", edges);
        Assert.Contains("web->api:8080-8080/tcp", edges);

        // The gateway's target group, its health check and its security-group path: the app's own port.
        var group = Sc.Props(resources, GatewayPlanner.TargetGroupId("web"));
        Assert.Equal(8080, (long?)group["Port"]);
        Assert.Equal("HTTP", (string?)group["Protocol"]);
        var lb = Sc.Props(resources, Sc.Id("web", "Service"))["LoadBalancers"]!.AsArray().Single()!;
        Assert.Equal(8080, (long?)lb["ContainerPort"]);
        var fromGateway = Sc.Props(resources, Sc.Id("web", "IngressFromGatewayTcp8080"));
        Assert.Equal(8080, (long?)fromGateway["FromPort"]);

        // The base's load balancer of shop's published port also targets the app port.
        var own = Sc.Props(resources, Sc.Id("shop", "Service"))["LoadBalancers"]!.AsArray().Single()!;
        Assert.Equal(8080, (long?)own["ContainerPort"]);
    }

    [Fact]
    public void The_override_avoids_ports_the_task_already_uses()
    {
        Assert.Equal(18080, IngressPorts.Choose(8080, new HashSet<int> { 8080 }));
        Assert.Equal(10001, IngressPorts.Choose(8080, new HashSet<int> { 8080, 18080, 10000 }));
        Assert.Equal(10000, IngressPorts.Choose(60000, new HashSet<int> { 60000 }));
    }
}
