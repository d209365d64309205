using System.Text.Json.Nodes;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>What --mesh service-connect makes of each kind of service, read from the templates the base builds.</summary>
public sealed class TransformTests
{
    private const string Shop = """
        name: shop
        services:
          web:
            image: w
            ports:
              - name: web-http
                target: 8080
                published: 80
            x-mesh: { upstreams: [api] }
          api:
            image: a
            expose: ["8080", "9100"]
            depends_on: [db, rpc]
            x-mesh:
              upstreams: [db]
              timeout: { per_request: 10s, idle: 120s }
          db:
            image: postgres:16
            expose: ["5432"]
            x-mesh: { protocol: tcp, timeout: { idle: 1h } }
          cache:
            image: redis:7
            expose: ["6379", "6380"]
            x-mesh: false
          worker:
            image: k
            depends_on: [cache]
            x-mesh: { outbound_only: true, upstreams: [api] }
          rpc:
            image: r
            x-mesh: { port: 50051, protocol: grpc }
        """;

    private static readonly JsonObject Resources = Sc.Resources(Shop);

    [Fact]
    public void A_listening_service_gets_a_named_port_mapping_and_an_endpoint_per_name_form()
    {
        var mapping = Sc.App(Resources, "api")["PortMappings"]!.AsArray();
        Assert.Equal("""[{"ContainerPort":8080,"Protocol":"tcp","Name":"api-8080","AppProtocol":"http"},{"ContainerPort":9100,"Protocol":"tcp"}]""", mapping.ToJsonString());

        var connect = Sc.Connect(Resources, "api")!;
        Assert.True((bool?)connect["Enabled"]);
        Assert.Equal("""{"Fn::GetAtt":["Namespace","Arn"]}""", connect["Namespace"]!.ToJsonString());
        Assert.Equal(
            """[{"PortName":"api-8080","DiscoveryName":"api-sc","ClientAliases":[{"Port":8080,"DnsName":"api"}],"Timeout":{"IdleTimeoutSeconds":120,"PerRequestTimeoutSeconds":10}},"""
            + """{"PortName":"api-8080","DiscoveryName":"api-sc-ns","ClientAliases":[{"Port":8080,"DnsName":"api.shop.local"}],"Timeout":{"IdleTimeoutSeconds":120,"PerRequestTimeoutSeconds":10}}]""",
            connect["Services"]!.ToJsonString());
    }

    [Fact]
    public void The_proxy_logs_to_the_services_own_log_group_by_default()
    {
        var log = Sc.Connect(Resources, "api")!["LogConfiguration"]!;
        Assert.Equal("""{"LogDriver":"awslogs","Options":{"awslogs-group":{"Ref":"apiLogGroup"},"awslogs-region":{"Ref":"AWS::Region"},"awslogs-stream-prefix":"service-connect"}}""", log.ToJsonString());
    }

    [Fact]
    public void A_written_log_group_is_referenced_and_the_execution_role_may_write_only_there()
    {
        var resources = Sc.Resources("x-mesh:\n  service_connect: { log_group: /shared/sc }\n" + Shop);
        var options = Sc.Connect(resources, "api")!["LogConfiguration"]!["Options"]!;
        Assert.Equal("/shared/sc", (string?)options["awslogs-group"]);
        Assert.Equal("true", (string?)options["awslogs-create-group"]);
        var statements = Sc.Props(resources, "apiExecutionRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        var logs = statements.Last()!;
        Assert.Equal("""["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"]""", logs["Action"]!.ToJsonString());
        Assert.Equal(
            """[{"Fn::Sub":"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/shared/sc"},{"Fn::Sub":"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/shared/sc:*"}]""",
            logs["Resource"]!.ToJsonString());
        Assert.DoesNotContain(resources, r => (string?)r.Value!["Type"] == "AWS::Logs::LogGroup" && r.Value!["Properties"]!["LogGroupName"] is not null);
    }

    [Fact]
    public void The_compose_port_name_names_the_mapping_and_tcp_has_no_app_protocol_or_request_timeout()
    {
        Assert.Equal("web-http", (string?)Sc.App(Resources, "web")["PortMappings"]![0]!["Name"]);
        Assert.Equal("web-http", (string?)Sc.Connect(Resources, "web")!["Services"]![0]!["PortName"]);

        var db = Sc.App(Resources, "db")["PortMappings"]![0]!;
        Assert.Null(db["AppProtocol"]);
        Assert.Equal("""{"IdleTimeoutSeconds":3600}""", Sc.Connect(Resources, "db")!["Services"]![0]!["Timeout"]!.ToJsonString());
    }

    [Fact]
    public void A_listener_the_service_does_not_declare_gets_its_port_mapping()
    {
        Assert.Equal("""[{"ContainerPort":50051,"Protocol":"tcp","Name":"rpc-50051","AppProtocol":"grpc"}]""", Sc.App(Resources, "rpc")["PortMappings"]!.ToJsonString());
    }

    [Fact]
    public void An_outbound_only_service_is_a_client_with_no_endpoint()
    {
        var connect = Sc.Connect(Resources, "worker")!;
        Assert.True((bool?)connect["Enabled"]);
        Assert.Null(connect["Services"]);
        Assert.NotNull(connect["Namespace"]);
        Assert.NotNull(connect["LogConfiguration"]);
    }

    [Fact]
    public void A_plain_service_keeps_cloud_map_dns_and_no_service_connect()
    {
        var cache = Sc.Props(Resources, "cacheService");
        Assert.Null(cache["ServiceConnectConfiguration"]);
        Assert.Equal("cacheDiscovery", (string?)cache["ServiceRegistries"]![0]!["RegistryArn"]!["Fn::GetAtt"]![0]);
        Assert.Null(Sc.App(Resources, "cache")["PortMappings"]![0]!["Name"]);

        // Mesh services keep their DNS name too, for callers outside Service Connect.
        Assert.Equal("api", (string?)Sc.Props(Resources, "apiDiscovery")["Name"]);
        Assert.NotNull(Sc.Props(Resources, "apiService")["ServiceRegistries"]);
    }

    [Fact]
    public void Security_groups_open_exactly_the_concrete_edges_on_the_callees_listener_port()
    {
        // api depends_on rpc too, but its upstreams do not name rpc: no rule. worker reaches the plain cache
        // directly, on each container port (as --mesh none does); the others are mesh edges on the listener,
        // and web's own load balancer reaches its published target.
        Assert.Equal(
            [
                "api->db:5432-5432/tcp",
                "web->api:8080-8080/tcp",
                "webAlb->web:8080-8080/tcp",
                "worker->api:8080-8080/tcp",
                "worker->cache:6379-6379/tcp",
                "worker->cache:6380-6380/tcp",
            ],
            Sc.ServiceEdges(Resources));
        Assert.DoesNotContain(Resources, r => (string?)r.Value!["Properties"]?["IpProtocol"] == "-1");
    }

    [Fact]
    public void The_task_has_room_for_the_proxy_ecs_adds()
    {
        var resources = Sc.Resources("""
            services:
              api:
                image: a
                expose: ["8080"]
                deploy: { resources: { limits: { cpus: "1", memory: 2G } } }
            """);
        var task = Sc.Props(resources, "apiTaskDefinition");

        // 1024 + 256 CPU units and 2048 + 64 MiB: 2 vCPU is the smallest size with 1280 units.
        Assert.Equal(("2048", "4096"), ((string?)task["Cpu"], (string?)task["Memory"]));
    }

    [Fact]
    public void Tls_strict_writes_the_tls_property_and_one_shared_role_ecs_assumes()
    {
        var resources = Sc.Resources("""
            x-mesh:
              tls: { mode: strict, acm_pca_arn: "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca" }
            services:
              api: { image: a, expose: ["8080"] }
              web: { image: w, expose: ["80"], depends_on: [api] }
            """);
        foreach (var service in new[] { "api", "web" })
        {
            Assert.Equal(
                """{"IssuerCertificateAuthority":{"AwsPcaAuthorityArn":"arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca"},"RoleArn":{"Fn::GetAtt":["ServiceConnectTlsRole","Arn"]}}""",
                Sc.Connect(resources, service)!["Services"]![0]!["Tls"]!.ToJsonString());
        }

        var role = Sc.Props(resources, "ServiceConnectTlsRole");
        Assert.Equal("ecs.amazonaws.com", (string?)role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);
        Assert.Equal(
            """[{"Fn::Sub":"arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity"}]""",
            role["ManagedPolicyArns"]!.ToJsonString());
        Assert.Null(role["Policies"]);
        Assert.Single(resources, r => (string?)r.Value!["Type"] == "AWS::IAM::Role" && !r.Key.EndsWith("TaskRole", StringComparison.Ordinal) && !r.Key.EndsWith("ExecutionRole", StringComparison.Ordinal));
        Assert.DoesNotContain("ServiceConnectTlsRole", Sc.Resources(Shop).Select(r => r.Key));
    }

    [Fact]
    public void Names_ecs_would_refuse_are_cleaned_with_a_hash_of_the_compose_name()
    {
        var resources = Sc.Resources("services:\n  My.Api:\n    image: a\n    expose: [\"8080\"]\n");
        var endpoint = Sc.Connect(resources, "My.Api")!["Services"]![0]!;
        Assert.Matches("^my-api-[0-9a-f]{6}-sc$", (string?)endpoint["DiscoveryName"]);
        Assert.Matches("^my-api-[0-9a-f]{6}-8080$", (string?)endpoint["PortName"]);
        Assert.Equal("my.api", (string?)endpoint["ClientAliases"]![0]!["DnsName"]);
        Assert.Equal(ServiceConnectNames.Label("My.Api", 64), ServiceConnectNames.Label("My.Api", 64));
        Assert.NotEqual(ServiceConnectNames.Discovery("my_api"), ServiceConnectNames.Discovery("my-api"));
        Assert.Equal(64, ServiceConnectNames.Discovery(new string('a', 100)).Length);
    }

    [Fact]
    public void Adding_a_service_changes_no_other_services_resources()
    {
        var added = Sc.Resources(Shop + """

              audit:
                image: z
                expose: ["7000"]
                x-mesh: { upstreams: [db] }
            """);
        foreach (var (id, resource) in Resources)
        {
            Assert.True(JsonNode.DeepEquals(resource, added[id]), $"{id} changed when a service was added");
        }

        Assert.All(added.Select(r => r.Key).Except(Resources.Select(r => r.Key)), id => Assert.True(id.StartsWith("audit", StringComparison.Ordinal) || id == "dbIngressFromauditTcp5432", id));
    }
}
