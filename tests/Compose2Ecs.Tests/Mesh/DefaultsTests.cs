using Compose2Ecs.ServiceConnect;
using Compose2Ecs.Consul;
using Compose2Ecs.AppMesh;
using Compose2Ecs.Core.Mesh;
using static Compose2Ecs.Mesh.Tests.Support.MeshInput;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>The spec's defaults, applied once by the reader.</summary>
public sealed class DefaultsTests
{
    private const string PlainCompose = """
        name: shop
        services:
          web:
            image: web
            ports: ["80:8080", "9090"]
            depends_on:
              api: { condition: service_started }
              db: { condition: service_started }
              job: { condition: service_completed_successfully }
          api:
            image: api
            expose: ["3000"]
            depends_on: [db]
          db:
            image: postgres
            ports:
              - target: 5432
                app_protocol: tcp
          job:
            image: job
        """;

    [Fact]
    public void Plain_compose_without_mesh_has_no_mesh_but_keeps_depends_on_edges()
    {
        var model = Read(PlainCompose);

        Assert.False(model.IsEnabled);
        Assert.Equal(MeshBackends.None, model.Backend);
        Assert.Empty(model.Services);
        Assert.All(model.PlainServices, s => Assert.Equal(PlainReason.NoMesh, s.Reason));
        Assert.Equal(
            ["web->api:3000", "web->db:5432", "api->db:5432"],
            model.Edges.Select(e => $"{e.Caller}->{e.Upstream}:{string.Join(",", e.Targets.Select(t => t.Port))}"));
        Assert.All(model.Edges, e => Assert.Equal(EdgeVia.Direct, e.Via));
        Assert.All(model.Edges, e => Assert.Null(e.LocalPort));
    }

    [Fact]
    public void Mesh_none_on_plain_compose_has_no_mesh()
    {
        var model = Read(PlainCompose, MeshBackends.None);

        Assert.False(model.IsEnabled);
        Assert.Empty(model.Services);
        Assert.Equal(3, model.Edges.Length);
    }

    [Fact]
    public void A_backend_on_the_command_line_makes_a_plain_compose_file_a_mesh()
    {
        var model = Read(PlainCompose, AppMeshSpec.Name);

        Assert.True(model.IsEnabled);
        Assert.Equal(AppMeshSpec.Name, model.Backend);
        Assert.Equal(["web", "api", "db"], model.Services.Select(s => s.Name));
        var job = Assert.Single(model.PlainServices);
        Assert.Equal(("job", PlainReason.NoPort), (job.Name, job.Reason));
    }

    [Fact]
    public void Listener_is_the_first_container_port_and_protocol_follows_app_protocol_else_tcp()
    {
        var model = Read(PlainCompose, AppMeshSpec.Name);

        Assert.Equal((8080, MeshProtocol.Tcp), Listener(model, "web"));
        Assert.Equal((3000, MeshProtocol.Tcp), Listener(model, "api"));
        Assert.Equal((5432, MeshProtocol.Tcp), Listener(model, "db"));
        Assert.Equal([8080, 9090], model.FindService("web")!.ContainerPorts.ToArray());
        Assert.Equal(80, Assert.Single(model.FindService("web")!.PublishedPorts).Published);
    }

    [Fact]
    public void Upstreams_default_to_the_mesh_services_with_a_listener_that_a_service_depends_on()
    {
        var model = Read(PlainCompose, AppMeshSpec.Name);

        var web = model.FindService("web")!;
        Assert.False(web.UpstreamsDeclared);
        Assert.Equal(["api", "db"], web.Upstreams.Select(u => u.Upstream));
        Assert.All(web.Upstreams, u => Assert.Equal((EdgeOrigin.DependsOn, EdgeVia.Mesh), (u.Origin, u.Via)));
        Assert.Equal(["db"], model.FindService("api")!.Upstreams.Select(u => u.Upstream));
        Assert.Equal(5432, model.FindService("web")!.Upstreams[1].Port);
    }

    [Fact]
    public void Declared_upstreams_replace_depends_on_and_an_empty_list_means_none()
    {
        var model = Read("""
            services:
              web: { image: web, expose: ["80"], depends_on: [api], x-mesh: { upstreams: [] } }
              api: { image: api, expose: ["80"] }
            """);

        Assert.True(model.FindService("web")!.UpstreamsDeclared);
        Assert.Empty(model.FindService("web")!.Upstreams);
        Assert.Empty(model.Edges);
    }

    [Fact]
    public void Top_level_settings_default_from_the_project()
    {
        var model = Read("""
            name: my_shop
            x-mesh: {}
            services:
              web: { image: web, expose: ["80"] }
            """);

        Assert.True(model.IsEnabled);
        Assert.Equal("my_shop", model.Name);
        Assert.Equal("my-shop.local", model.Namespace);
        Assert.Equal(EgressMode.DropAll, model.Egress);
        Assert.Equal("latest", model.Tag);
        Assert.Null(model.Registry);
        Assert.Null(model.Vpc);
        Assert.Null(model.Cluster);
        Assert.Null(model.Gateway);
        Assert.Equal(TlsMode.Disabled, model.Tls.Mode);
        Assert.False(model.Tls.IsModeExplicit);
        Assert.Equal("web.my-shop.local", model.DnsName("web"));
    }

    [Fact]
    public void Tls_is_always_on_by_default_with_consul_and_off_otherwise()
    {
        const string yaml = """
            name: shop
            x-mesh: { consul: { servers: { hosts: consul.internal } } }
            services:
              web: { image: web, expose: ["80"] }
            """;

        Assert.Equal(TlsMode.Strict, Read(yaml, ConsulSpec.Name).Tls.Mode);
        Assert.Equal(TlsMode.Disabled, Read(yaml, AppMeshSpec.Name).Tls.Mode);
        Assert.Equal(TlsMode.Disabled, Read(yaml, ServiceConnectSpec.Name).Tls.Mode);
    }

    [Fact]
    public void Backend_sections_have_the_spec_defaults()
    {
        var model = Read("""
            name: shop
            x-mesh: {}
            services:
              web: { image: web, expose: ["80"] }
            """);

        Assert.Equal((false, null, null, 64, 128, null), (model.Settings<AppMeshSettings>().Existing, model.Settings<AppMeshSettings>().MeshOwner, model.Settings<AppMeshSettings>().EnvoyImage, model.Settings<AppMeshSettings>().EnvoyCpu, model.Settings<AppMeshSettings>().EnvoyMemory, model.Settings<AppMeshSettings>().AccessLog));
        var consul = model.Settings<ConsulSettings>();
        Assert.Equal((ConsulMode.Dataplane, "dc1", false, false, ConsulConfigEntries.Task), (consul.Mode, consul.Datacenter, consul.DevServer, consul.Acls, consul.ConfigEntries));
        Assert.True(consul.Servers.Tls);
        Assert.Equal("public.ecr.aws/hashicorp/consul-ecs:0.10.0", consul.Images.ConsulEcs);
        Assert.Equal("hashicorp/consul-dataplane:2.0.1", consul.Images.ConsulDataplane);
        Assert.Equal("hashicorp/consul:1.15.10", consul.Images.Consul);
        Assert.Equal("envoyproxy/envoy-distroless:v1.23.10", consul.Images.Envoy);
        Assert.Equal("/ecs/shop/service-connect", model.Settings<ServiceConnectSettings>().LogGroup);
    }

    [Fact]
    public void Written_settings_are_read()
    {
        var model = Read("""
            name: shop
            x-mesh:
              backend: consul
              name: shopmesh
              namespace: shop.internal
              egress: allow_all
              registry: 1.dkr.ecr/shop
              tag: v2
              cluster: main
              vpc: { id: vpc-0123456789abcdef0, private_subnets: [subnet-00000000000000001, subnet-00000000000000002], public_subnets: [subnet-00000000000000003] }
              tls: { mode: permissive, acm_pca_arn: arn:pca }
              appmesh: { existing: true, mesh_owner: "123456789012", envoy_image: envoy:1, envoy: { cpu: 128, memory: 256 }, access_log: /dev/stdout }
              consul:
                mode: agent
                datacenter: eu1
                servers: { hosts: "exec=discover", security_group: sg-1, tls: false, tls_server_name: server.eu1.consul, ca_cert_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca, skip_server_watch: true }
                acls: true
                bootstrap_token_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:token
                gossip_key_secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:gossip
                retry_join: ["provider=aws tag_key=consul"]
                partition: p1
                namespace: ns1
                config_entries: files
                images: { consul_ecs: my/consul-ecs:1, consul_dataplane: my/dp:1, consul: my/consul:1, envoy: my/envoy:1 }
              service_connect: { log_group: /sc }
            services:
              web: { image: web, expose: ["80"] }
            """);

        Assert.Equal((ConsulSpec.Name, "shopmesh", "shop.internal", EgressMode.AllowAll, "1.dkr.ecr/shop", "v2", "main"),
            (model.Backend, model.Name, model.Namespace, model.Egress, model.Registry, model.Tag, model.Cluster));
        Assert.Equal(("vpc-0123456789abcdef0", 2, 1), (model.Vpc!.Id, model.Vpc.PrivateSubnets.Length, model.Vpc.PublicSubnets.Length));
        Assert.Equal((TlsMode.Permissive, "arn:pca", true), (model.Tls.Mode, model.Tls.AcmPcaArn, model.Tls.IsModeExplicit));
        Assert.Equal((true, "123456789012", "envoy:1", 128, 256, "/dev/stdout"),
            (model.Settings<AppMeshSettings>().Existing, model.Settings<AppMeshSettings>().MeshOwner, model.Settings<AppMeshSettings>().EnvoyImage, model.Settings<AppMeshSettings>().EnvoyCpu, model.Settings<AppMeshSettings>().EnvoyMemory, model.Settings<AppMeshSettings>().AccessLog));
        var c = model.Settings<ConsulSettings>();
        Assert.Equal((ConsulMode.Agent, "eu1", true, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:token", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:gossip", "p1", "ns1", ConsulConfigEntries.Files),
            (c.Mode, c.Datacenter, c.Acls, c.BootstrapTokenSecretArn, c.GossipKeySecretArn, c.Partition, c.Namespace, c.ConfigEntries));
        Assert.Equal(("exec=discover", "sg-1", false, "server.eu1.consul", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca", true),
            (c.Servers.Hosts, c.Servers.SecurityGroup, c.Servers.Tls, c.Servers.TlsServerName, c.Servers.CaCertSecretArn, c.Servers.SkipServerWatch));
        Assert.Equal(["provider=aws tag_key=consul"], c.RetryJoin.ToArray());
        Assert.Equal(("my/consul-ecs:1", "my/dp:1", "my/consul:1", "my/envoy:1"), (c.Images.ConsulEcs, c.Images.ConsulDataplane, c.Images.Consul, c.Images.Envoy));
        Assert.Equal("/sc", model.Settings<ServiceConnectSettings>().LogGroup);
    }

    [Fact]
    public void The_command_line_backend_wins_over_the_file()
    {
        const string yaml = """
            x-mesh: { backend: appmesh }
            services:
              web: { image: web, expose: ["80"] }
            """;

        Assert.Equal(AppMeshSpec.Name, Read(yaml).Backend);
        Assert.Equal(ServiceConnectSpec.Name, Read(yaml, ServiceConnectSpec.Name).Backend);
        Assert.Equal((1, 20), (Read(yaml).BackendLocation.Line, Read(yaml).BackendLocation.Column));
    }

    [Fact]
    public void Dev_server_turns_server_tls_off_by_default()
    {
        var model = Read("""
            x-mesh: { consul: { dev_server: true } }
            services:
              web: { image: web, expose: ["80"] }
            """, ConsulSpec.Name);

        Assert.False(model.Settings<ConsulSettings>().Servers.Tls);
        Assert.Null(model.Settings<ConsulSettings>().Servers.Hosts);
    }

    [Fact]
    public void Service_level_policies_take_the_spec_example_values_for_missing_fields()
    {
        var model = Read("""
            services:
              api:
                image: api
                expose: ["8080"]
                x-mesh:
                  health_check: {}
                  outlier_detection: {}
                  connection_pool: { max_connections: 10 }
                  timeout: { per_request: 15s }
            """);

        var listener = model.FindService("api")!.Listener!;
        var hc = listener.HealthCheck!;
        Assert.Equal(("/", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 2, 3), (hc.Path, hc.Interval, hc.Timeout, hc.HealthyThreshold, hc.UnhealthyThreshold));
        var od = listener.OutlierDetection!;
        Assert.Equal((5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), 50), (od.MaxServerErrors, od.Interval, od.BaseEjection, od.MaxEjectionPercent));
        Assert.Equal((10, (int?)null, (int?)null), (listener.ConnectionPool!.MaxConnections, listener.ConnectionPool.MaxPendingRequests, listener.ConnectionPool.MaxRequests));
        Assert.Equal((TimeSpan.FromSeconds(15), (TimeSpan?)null), (listener.Timeout!.PerRequest, listener.Timeout.Idle));
    }

    [Fact]
    public void A_grpc_health_check_has_no_path()
    {
        var model = Read("""
            services:
              api: { image: api, expose: ["50051"], x-mesh: { protocol: grpc, health_check: { interval: 5s } } }
            """);

        var hc = model.FindService("api")!.Listener!.HealthCheck!;
        Assert.Null(hc.Path);
        Assert.Equal(TimeSpan.FromSeconds(5), hc.Interval);
    }

    [Fact]
    public void Outbound_only_services_and_services_without_ports_have_no_listener()
    {
        var model = Read("""
            services:
              worker: { image: w, expose: ["80"], x-mesh: { outbound_only: true, upstreams: [api] } }
              cron: { image: c, x-mesh: { upstreams: [api] } }
              api: { image: api, expose: ["80"] }
              legacy: { image: l, expose: ["80"], x-mesh: false }
            """);

        Assert.True(model.FindService("worker")!.IsOutboundOnly);
        Assert.True(model.FindService("cron")!.IsOutboundOnly);
        Assert.False(model.FindService("api")!.IsOutboundOnly);
        var legacy = Assert.Single(model.PlainServices);
        Assert.Equal(PlainReason.OptedOut, legacy.Reason);
        Assert.Equal(5, legacy.OptOutLocation.Line);
    }

    [Fact]
    public void A_service_level_x_mesh_joins_a_project_without_a_top_level_one()
    {
        var model = Read("""
            services:
              api: { image: api, expose: ["80"], x-mesh: true }
              web: { image: web, expose: ["80"] }
            """);

        Assert.True(model.IsEnabled);
        Assert.Equal(["api", "web"], model.Services.Select(s => s.Name));
        Assert.True(model.FindService("api")!.IsDeclared);
        Assert.False(model.FindService("web")!.IsDeclared);
    }

    [Fact]
    public void Direct_edges_connect_mesh_services_to_plain_ones_and_plain_callers_to_mesh_listeners()
    {
        var model = Read("""
            x-mesh: {}
            services:
              web: { image: web, expose: ["80"], depends_on: [mail, api] }
              api: { image: api, expose: ["8080"] }
              mail: { image: mail, expose: ["25", "8025"], x-mesh: false }
              legacy: { image: l, x-mesh: false, depends_on: [api, mail] }
            """);

        Assert.Equal(
            ["web->api Mesh 8080", "web->mail Direct 25,8025", "legacy->api Direct 8080", "legacy->mail Direct 25,8025"],
            model.Edges.Select(e => $"{e.Caller}->{e.Upstream} {e.Via} {string.Join(",", e.Targets.Select(t => t.Port))}"));
    }

    [Fact]
    public void A_route_defaults_its_protocol_and_port_from_its_first_target()
    {
        var model = Read("""
            x-mesh:
              routes:
                catalog:
                  rules: [ { targets: { catalog-v1: 1 } } ]
            services:
              catalog-v1:
                image: c
                ports: [ { target: 50051, app_protocol: grpc } ]
            """);

        var route = Assert.Single(model.Routes);
        Assert.Equal((MeshProtocol.Grpc, 50051), (route.Protocol, route.Port));
        Assert.True(route.IsSingleUnconditionalTarget);
    }

    [Fact]
    public void Retries_default_per_try_timeout_and_events()
    {
        var model = Read("""
            x-mesh:
              routes:
                api:
                  rules: [ { targets: { api-v1: 1 }, retries: { attempts: 2 } } ]
            services:
              api-v1: { image: a, expose: ["80"] }
            """);

        var retries = model.Routes[0].Rules[0].Retries!;
        Assert.Equal((2, TimeSpan.FromSeconds(15)), (retries.Attempts, retries.PerTryTimeout));
        Assert.Equal(["server-error", "gateway-error"], retries.On.ToArray());
    }

    [Theory]
    [InlineData("routes: [ { to: web } ]", GatewayLoadBalancer.Alb, 80)]
    [InlineData("certificate_arn: arn:cert\n    routes: [ { to: web } ]", GatewayLoadBalancer.Alb, 443)]
    [InlineData("routes: [ { to: db } ]", GatewayLoadBalancer.Nlb, 80)]
    [InlineData("load_balancer: nlb\n    port: 8443\n    routes: [ { to: web } ]", GatewayLoadBalancer.Nlb, 8443)]
    public void Gateway_defaults_to_alb_for_http_nlb_for_tcp_and_to_443_with_a_certificate(string gateway, GatewayLoadBalancer lb, int port)
    {
        var model = Read($"""
            x-mesh:
              gateway:
                {gateway}
            services:
              web: {"{"} image: web, expose: ["80"] {"}"}
              db: {"{"} image: db, expose: ["5432"], x-mesh: {"{"} protocol: tcp {"}"} {"}"}
            """);

        Assert.Equal((lb, port), (model.Gateway!.LoadBalancer, model.Gateway.Port));
        Assert.Equal("/", model.Gateway.Routes[0].PathPrefix);
    }

    private static (int, MeshProtocol) Listener(MeshModel model, string service)
    {
        var listener = model.FindService(service)!.Listener!;
        return (listener.Port, listener.Protocol);
    }
}

/// <summary>The protocol default (spec §2): app_protocol; else http for what the gateway or an L7 rule reaches; else tcp.</summary>
public sealed class ProtocolDefaultTests
{
    private static MeshProtocol? Protocol(string yaml, string service) => Read(yaml, AppMeshSpec.Name).FindService(service)?.Listener?.Protocol;

    [Fact]
    public void App_protocol_wins()
    {
        Assert.Equal(MeshProtocol.Grpc, Protocol("""
            x-mesh: {}
            services:
              api:
                image: a
                ports: [{ target: 50051, app_protocol: grpc }]
            """, "api"));
    }

    [Fact]
    public void A_service_the_gateway_reaches_is_http()
    {
        const string yaml = """
            x-mesh:
              gateway:
                routes: [{ path_prefix: /, to: web }]
            services:
              web: { image: w, expose: ["8080"] }
              db: { image: postgres }
            """;

        Assert.Equal(MeshProtocol.Http, Protocol(yaml, "web"));
        Assert.Equal(MeshProtocol.Tcp, Protocol(yaml, "db"));
    }

    [Fact]
    public void The_targets_of_an_l7_route_rule_are_http_and_of_a_route_the_gateway_reaches()
    {
        const string yaml = """
            x-mesh:
              routes:
                api:
                  rules:
                    - match: { path_prefix: /v2 }
                      targets: { api-v2: 1 }
                    - targets: { api-v1: 1 }
                split:
                  rules: [{ targets: { s1: 1 } }]
            services:
              api-v1: { image: a, expose: ["8080"] }
              api-v2: { image: a, expose: ["8080"] }
              s1: { image: s, expose: ["9000"] }
            """;

        Assert.Equal(MeshProtocol.Http, Protocol(yaml, "api-v1"));
        Assert.Equal(MeshProtocol.Http, Protocol(yaml, "api-v2"));
        Assert.Equal(MeshProtocol.Tcp, Protocol(yaml, "s1"));
    }

    [Fact]
    public void A_grpc_match_makes_the_targets_grpc()
    {
        Assert.Equal(MeshProtocol.Grpc, Protocol("""
            x-mesh:
              routes:
                catalog:
                  rules: [{ match: { grpc_service: a.B }, targets: { rpc: 1 } }]
            services:
              rpc: { image: r, expose: ["50051"] }
            """, "rpc"));
    }

    [Fact]
    public void Http_only_listener_settings_say_the_listener_is_http()
    {
        Assert.Equal(MeshProtocol.Http, Protocol("""
            services:
              api:
                image: a
                expose: ["8080"]
                x-mesh: { health_check: { path: /healthz } }
            """, "api"));
    }

    [Fact]
    public void Anything_else_is_tcp()
    {
        Assert.Equal(MeshProtocol.Tcp, Protocol("""
            x-mesh: {}
            services:
              web: { image: w, ports: ["80:8080"] }
            """, "web"));
    }
}
