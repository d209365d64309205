using Compose2Ecs.Testing;
using static Compose2Ecs.AppMesh.Tests.AppMeshSynth;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>examples/mesh-shop with --mesh appmesh: routes, gateway, a plain service, an outbound-only service.</summary>
[Collection(ExampleCollection.Name)]
public sealed class MeshShopTests(ExampleFixture examples)
{
    private TemplateFile T => examples.Shop;

    [Fact]
    public void Both_examples_pass_cfn_check()
    {
        Assert.True(examples.Check.ExitCode == 0, examples.Check.Output);
        Assert.Contains("2 passed, 0 failed", examples.Check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", examples.ShopRun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mesh_drops_egress_outside_the_declared_upstreams()
    {
        var mesh = T.Properties("Mesh");
        Assert.Equal("shop", (string?)mesh["MeshName"]);
        Assert.Equal("DROP_ALL", (string?)mesh.At("Spec.EgressFilter.Type"));
        Assert.Single(T.OfType("AWS::AppMesh::Mesh"));
    }

    [Fact]
    public void Each_listening_mesh_service_has_a_node_with_cloud_map_discovery_and_a_virtual_service()
    {
        foreach (var service in new[] { "frontend", "api-v1", "api-v2", "catalog-v1", "catalog-v2", "db-primary" })
        {
            var node = T.Properties(Id(service, "VirtualNode"));
            Assert.Equal(service, (string?)node["VirtualNodeName"]);
            Assert.Equal("""{"Fn::GetAtt":["Mesh","MeshName"]}""", node["MeshName"].Json());
            // The Cloud Map service by reference, and that service is the one the ECS service registers in.
            var discovery = Id(service, "Discovery");
            Assert.Equal($$$$"""{"NamespaceName":"shop.local","ServiceName":{"Fn::GetAtt":["{{{{discovery}}}}","Name"]}}""", node.At("Spec.ServiceDiscovery.AWSCloudMap").Json());
            Assert.Equal(service, (string?)T.Properties(discovery)["Name"]);
            Assert.Equal($$$$"""{"Fn::GetAtt":["{{{{discovery}}}}","Arn"]}""", T.Properties(Id(service, "Service")).At("ServiceRegistries[0].RegistryArn").Json());
            var vs = T.Properties(Id(service, "VirtualService"));
            Assert.Equal($"{service}.shop.local", (string?)vs["VirtualServiceName"]);
            Assert.Equal($$$$"""{"VirtualNode":{"VirtualNodeName":{"Fn::GetAtt":["{{{{Id(service, "VirtualNode")}}}}","VirtualNodeName"]}}}""", vs.At("Spec.Provider").Json());
        }

        Assert.Equal(7, T.OfType("AWS::AppMesh::VirtualNode").Count());
        Assert.DoesNotContain(Id("mailer", "VirtualNode"), T.Ids);
    }

    [Fact]
    public void Listeners_carry_port_protocol_health_check_timeouts_outlier_detection_and_connection_pool()
    {
        var frontend = T.Properties(Id("frontend", "VirtualNode")).At("Spec.Listeners[0]")!;
        Assert.Equal("""{"Port":8080,"Protocol":"http"}""", frontend["PortMapping"].Json());
        Assert.Equal("""{"HealthyThreshold":2,"IntervalMillis":10000,"Path":"/healthz","Port":8080,"Protocol":"http","TimeoutMillis":2000,"UnhealthyThreshold":3}""", frontend["HealthCheck"].Json());
        Assert.Equal("""{"HTTP":{"Idle":{"Unit":"s","Value":300},"PerRequest":{"Unit":"s","Value":15}}}""", frontend["Timeout"].Json());

        var api = T.Properties(Id("api-v1", "VirtualNode")).At("Spec.Listeners[0]")!;
        Assert.Equal("""{"BaseEjectionDuration":{"Unit":"s","Value":30},"Interval":{"Unit":"s","Value":10},"MaxEjectionPercent":50,"MaxServerErrors":5}""", api["OutlierDetection"].Json());
        Assert.Equal("""{"HTTP":{"MaxConnections":100,"MaxPendingRequests":10}}""", api["ConnectionPool"].Json());

        var catalog = T.Properties(Id("catalog-v1", "VirtualNode")).At("Spec.Listeners[0]")!;
        Assert.Equal("""{"Port":50051,"Protocol":"grpc"}""", catalog["PortMapping"].Json());
        Assert.Null(catalog["HealthCheck"]);

        var db = T.Properties(Id("db-primary", "VirtualNode")).At("Spec.Listeners[0]")!;
        Assert.Equal("""{"TCP":{"Idle":{"Unit":"s","Value":3600}}}""", db["Timeout"].Json());
    }

    [Fact]
    public void Backends_are_the_upstreams_virtual_services_services_and_routes()
    {
        // http and grpc upstreams by their long and short names (Envoy matches the Host exactly), tcp by the long one.
        Assert.Equal("""[{"VirtualService":{"VirtualServiceName":"api.shop.local"}},{"VirtualService":{"VirtualServiceName":"api"}},{"VirtualService":{"VirtualServiceName":"catalog.shop.local"}},{"VirtualService":{"VirtualServiceName":"catalog"}}]""",
            T.Properties(Id("frontend", "VirtualNode")).At("Spec.Backends").Json());
        Assert.Equal("""[{"VirtualService":{"VirtualServiceName":"db-primary.shop.local"}}]""",
            T.Properties(Id("catalog-v1", "VirtualNode")).At("Spec.Backends").Json());
        Assert.Null(T.Properties(Id("db-primary", "VirtualNode")).At("Spec.Backends"));
    }

    [Fact]
    public void The_outbound_only_worker_has_a_node_with_backends_and_no_listener_and_an_unused_app_port()
    {
        var spec = T.Properties(Id("worker", "VirtualNode"))["Spec"]!;
        Assert.Null(spec["Listeners"]);
        Assert.Null(spec["ServiceDiscovery"]);
        Assert.Equal("""[{"VirtualService":{"VirtualServiceName":"api.shop.local"}},{"VirtualService":{"VirtualServiceName":"api"}},{"VirtualService":{"VirtualServiceName":"orders-db.shop.local"}}]""", spec["Backends"].Json());
        Assert.DoesNotContain(Id("worker", "VirtualService"), T.Ids);

        var proxy = T.Proxy("worker");
        // ECS requires AppPorts and ProxyIngressPort: a port no container of the worker uses.
        Assert.Equal(EnvoySidecar.UnusedAppPort.ToString(System.Globalization.CultureInfo.InvariantCulture), proxy["AppPorts"]);
        Assert.Equal("15000", proxy["ProxyIngressPort"]);
        Assert.Equal("15001", proxy["ProxyEgressPort"]);

        // worker calls mailer directly (mailer is outside the mesh): Envoy must not drop that traffic.
        Assert.Equal("25,8025", proxy["EgressIgnoredPorts"]);
    }

    [Fact]
    public void Every_mesh_task_runs_envoy_with_the_proxy_configuration_and_the_app_waits_for_it()
    {
        foreach (var service in new[] { "frontend", "api-v1", "api-v2", "catalog-v1", "catalog-v2", "db-primary", "worker" })
        {
            var envoy = T.Container(service, "envoy");
            Assert.Equal("1337", (string?)envoy["User"]);
            Assert.True((bool)envoy["Essential"]!);
            Assert.Equal($$$"""{"Name":"APPMESH_RESOURCE_ARN","Value":{"Fn::GetAtt":["{{{Id(service, "VirtualNode")}}}","Arn"]}}""", envoy.At("Environment[0]").Json());
            Assert.Equal("""{"Command":["CMD-SHELL","curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"],"Interval":5,"Retries":3,"StartPeriod":10,"Timeout":2}""", envoy["HealthCheck"].Json());
            Assert.Equal("""[{"HardLimit":15000,"Name":"nofile","SoftLimit":15000}]""", envoy["Ulimits"].Json());
            Assert.Equal($$$"""{"Ref":"{{{Id(service, "LogGroup")}}}"}""", envoy.At("LogConfiguration.Options.awslogs-group").Json());
            Assert.Equal(64, (int)envoy["Cpu"]!);
            Assert.Equal(128, (int)envoy["MemoryReservation"]!);
            Assert.Equal("""[{"Condition":"HEALTHY","ContainerName":"envoy"}]""", T.Container(service)["DependsOn"].Json());
            Assert.Equal("APPMESH", (string?)T.Properties(Id(service, "TaskDefinition")).At("ProxyConfiguration.Type"));
        }

        var proxy = T.Proxy("frontend");
        Assert.Equal(new Dictionary<string, string>
        {
            ["IgnoredUID"] = "1337",
            ["ProxyIngressPort"] = "15000",
            ["ProxyEgressPort"] = "15001",
            ["AppPorts"] = "8080",
            ["EgressIgnoredIPs"] = "169.254.170.2,169.254.169.254",
        }, proxy);
        Assert.Null(T.Properties(Id("mailer", "TaskDefinition"))["ProxyConfiguration"]);
    }

    [Fact]
    public void The_envoy_image_is_the_pinned_official_one_for_the_stacks_region_from_a_mapping()
    {
        var image = T.Container("frontend", "envoy")["Image"].Json();
        Assert.Equal("""{"Fn::Join":["",[{"Fn::FindInMap":["AppMeshEnvoyRepository",{"Ref":"AWS::Region"},"Account"]},".dkr.ecr.",{"Ref":"AWS::Region"},".",{"Ref":"AWS::URLSuffix"},"/aws-appmesh-envoy:v1.29.12.1-prod"]]}""", image);
        var mapping = T.Root.At("Mappings.AppMeshEnvoyRepository")!.AsObject();
        Assert.Equal("840364872350", (string?)mapping.At("us-east-1.Account"));
        Assert.Equal("772975370895", (string?)mapping.At("me-south-1.Account"));
        Assert.Equal("856666278305", (string?)mapping.At("ap-east-1.Account"));
        Assert.Equal("422531588944", (string?)mapping.At("eu-south-1.Account"));
        Assert.Equal("924023996002", (string?)mapping.At("af-south-1.Account"));

        // The execution role may pull from that repository only (GetAuthorizationToken takes no resource).
        var pull = T.Statements(Id("frontend", "ExecutionRole")).Single(s => s["Action"]!.Json().Contains("ecr:BatchGetImage", StringComparison.Ordinal));
        Assert.Equal("""{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":ecr:",{"Ref":"AWS::Region"},":",{"Fn::FindInMap":["AppMeshEnvoyRepository",{"Ref":"AWS::Region"},"Account"]},":repository/aws-appmesh-envoy"]]}""", pull["Resource"].Json());
    }

    [Fact]
    public void Envoy_may_stream_its_own_nodes_configuration_only()
    {
        foreach (var service in new[] { "frontend", "worker" })
        {
            var statements = T.Statements(Id(service, "TaskRole"));
            var appmesh = Assert.Single(statements, s => s["Action"]!.Json().Contains("appmesh:", StringComparison.Ordinal));
            Assert.Equal("\"appmesh:StreamAggregatedResources\"", appmesh["Action"].Json());
            Assert.Equal($$$"""{"Fn::GetAtt":["{{{Id(service, "VirtualNode")}}}","Arn"]}""", appmesh["Resource"].Json());
        }

        var gateway = Assert.Single(T.Statements(Id(AppMeshNames.GatewayService, "TaskRole")));
        Assert.Equal($$$"""{"Fn::GetAtt":["{{{AppMeshNames.VirtualGatewayId}}}","Arn"]}""", gateway["Resource"].Json());
        Assert.DoesNotContain("\"Action\": \"*\"", T.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("appmesh:*", T.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_groups_open_exactly_one_tcp_rule_per_concrete_edge_on_the_targets_listener_port()
    {
        Assert.Equal(
        [
            "api-v1 to catalog-v1 on 50051/tcp",
            "api-v1 to catalog-v2 on 50051/tcp",
            "api-v1 to db-primary on 5432/tcp",
            "api-v2 to catalog-v1 on 50051/tcp",
            "api-v2 to catalog-v2 on 50051/tcp",
            "api-v2 to db-primary on 5432/tcp",
            "appmesh-gateway to api-v1 on 8080/tcp",
            "appmesh-gateway to api-v2 on 8080/tcp",
            "appmesh-gateway to frontend on 8080/tcp",
            "catalog-v1 to db-primary on 5432/tcp",
            "catalog-v2 to db-primary on 5432/tcp",
            "frontend to api-v1 on 8080/tcp",
            "frontend to api-v2 on 8080/tcp",
            "frontend to catalog-v1 on 50051/tcp",
            "frontend to catalog-v2 on 50051/tcp",
            "gateway ALB listener 443/tcp",
            "gateway Envoy readiness from its ALB on 9901/tcp",
            "gateway from its ALB on 8443/tcp",
            "mailer NLB listener 8025/tcp",
            "mailer from its NLB on 8025/tcp",
            "worker to api-v1 on 8080/tcp",
            "worker to api-v2 on 8080/tcp",
            "worker to db-primary on 5432/tcp",
            "worker to mailer on 25/tcp",
            "worker to mailer on 8025/tcp",
        ], T.IngressRules());
        foreach (var rule in T.OfType("AWS::EC2::SecurityGroupIngress"))
        {
            Assert.Equal("tcp", (string?)rule.Value.At("Properties.IpProtocol"));
            var cidr = (string?)rule.Value.At("Properties.CidrIp");
            Assert.True(cidr is null || rule.Key.Contains("AlbIngress", StringComparison.Ordinal) || rule.Key.Contains("NlbIngress", StringComparison.Ordinal), rule.Key);
        }
    }

    [Fact]
    public void Routes_become_a_router_rules_in_order_a_virtual_service_and_a_resolvable_cloud_map_name()
    {
        var router = T.Properties(Id("api", "VirtualRouter"));
        Assert.Equal("api", (string?)router["VirtualRouterName"]);
        Assert.Equal("""[{"PortMapping":{"Port":8080,"Protocol":"http"}}]""", router.At("Spec.Listeners").Json());
        Assert.Equal("""[{"PortMapping":{"Port":50051,"Protocol":"grpc"}}]""", T.Properties(Id("catalog", "VirtualRouter")).At("Spec.Listeners").Json());
        Assert.Equal("""[{"PortMapping":{"Port":5432,"Protocol":"tcp"}}]""", T.Properties(Id("orders-db", "VirtualRouter")).At("Spec.Listeners").Json());

        var first = T.Properties(Id("api", "Route1"));
        Assert.Equal("api-1", (string?)first["RouteName"]);
        Assert.Equal(0, (int)first.At("Spec.Priority")!);
        Assert.Equal("""{"Headers":[{"Match":{"Exact":"true"},"Name":"x-canary"}],"Prefix":"/v2"}""", first.At("Spec.HttpRoute.Match").Json());
        Assert.Equal("""{"HttpRetryEvents":["server-error","gateway-error"],"MaxRetries":3,"PerRetryTimeout":{"Unit":"s","Value":2}}""", first.At("Spec.HttpRoute.RetryPolicy").Json());
        Assert.Equal("""{"PerRequest":{"Unit":"s","Value":15}}""", first.At("Spec.HttpRoute.Timeout").Json());

        var second = T.Properties(Id("api", "Route2"));
        Assert.Equal(1, (int)second.At("Spec.Priority")!);
        Assert.Equal("""{"Prefix":"/"}""", second.At("Spec.HttpRoute.Match").Json());
        Assert.Equal($$$"""[{"VirtualNode":{"Fn::GetAtt":["{{{Id("api-v1", "VirtualNode")}}}","VirtualNodeName"]},"Weight":90},{"VirtualNode":{"Fn::GetAtt":["{{{Id("api-v2", "VirtualNode")}}}","VirtualNodeName"]},"Weight":10}]""",
            second.At("Spec.HttpRoute.Action.WeightedTargets").Json());

        Assert.Equal("""{"MethodName":"List","ServiceName":"catalog.v1.Catalog"}""", T.Properties(Id("catalog", "Route1")).At("Spec.GrpcRoute.Match").Json());
        Assert.Equal("{}", T.Properties(Id("catalog", "Route2")).At("Spec.GrpcRoute.Match").Json());
        Assert.Null(T.Properties(Id("orders-db", "Route1")).At("Spec.TcpRoute.Match"));

        var vs = T.Properties(Id("api", "VirtualService"));
        Assert.Equal("api.shop.local", (string?)vs["VirtualServiceName"]);
        Assert.Equal($$$$"""{"VirtualRouter":{"VirtualRouterName":{"Fn::GetAtt":["{{{{Id("api", "VirtualRouter")}}}}","VirtualRouterName"]}}}""", vs.At("Spec.Provider").Json());

        var discovery = T.Properties(Id("api", "Discovery"));
        Assert.Equal("api", (string?)discovery["Name"]);
        Assert.Equal("""{"Fn::GetAtt":["Namespace","Id"]}""", discovery.At("DnsConfig.NamespaceId").Json());
        var instance = T.Properties(Id("api", "DiscoveryInstance"));
        Assert.Equal("""{"AWS_INSTANCE_IPV4":"169.254.255.254"}""", instance["InstanceAttributes"].Json());
        Assert.Equal($$$"""{"Ref":"{{{Id("api", "Discovery")}}}"}""", instance["ServiceId"].Json());
    }

    [Fact]
    public void The_gateway_is_a_virtual_gateway_run_as_an_envoy_only_service_behind_an_https_alb()
    {
        var gateway = T.Properties(AppMeshNames.VirtualGatewayId);
        Assert.Equal("shop-gateway", (string?)gateway["VirtualGatewayName"]);
        Assert.Equal("""[{"PortMapping":{"Port":8443,"Protocol":"http"}}]""", gateway.At("Spec.Listeners").Json());

        // Longest prefix first; the path is forwarded as it came.
        var routes = T.OfType("AWS::AppMesh::GatewayRoute").Select(r => r.Value["Properties"]!).OrderBy(r => (int)r.At("Spec.Priority")!).ToList();
        Assert.Equal(2, routes.Count);
        Assert.Equal("/api", (string?)routes[0].At("Spec.HttpRoute.Match.Prefix"));
        Assert.Equal($$$"""{"Fn::GetAtt":["{{{Id("api", "VirtualService")}}}","VirtualServiceName"]}""", routes[0].At("Spec.HttpRoute.Action.Target.VirtualService.VirtualServiceName").Json());
        Assert.Equal("/", (string?)routes[1].At("Spec.HttpRoute.Match.Prefix"));
        Assert.Equal($$$"""{"Fn::GetAtt":["{{{Id("frontend", "VirtualService")}}}","VirtualServiceName"]}""", routes[1].At("Spec.HttpRoute.Action.Target.VirtualService.VirtualServiceName").Json());
        Assert.All(routes, r => Assert.Equal("""{"Prefix":{"DefaultPrefix":"DISABLED"}}""", r.At("Spec.HttpRoute.Action.Rewrite").Json()));

        var task = T.Properties(Id(AppMeshNames.GatewayService, "TaskDefinition"));
        var container = Assert.Single(task["ContainerDefinitions"]!.AsArray())!;
        Assert.Equal("envoy", (string?)container["Name"]);
        Assert.Equal($$$"""{"Name":"APPMESH_RESOURCE_ARN","Value":{"Fn::GetAtt":["{{{AppMeshNames.VirtualGatewayId}}}","Arn"]}}""", container.At("Environment[0]").Json());
        Assert.Null(task["ProxyConfiguration"]);

        var listener = T.OfType("AWS::ElasticLoadBalancingV2::Listener").Single(l => l.Key.StartsWith(Id(AppMeshNames.GatewayService, "Alb"), StringComparison.Ordinal)).Value["Properties"]!;
        Assert.Equal("HTTPS", (string?)listener["Protocol"]);
        Assert.Equal(443, (int)listener["Port"]!);
        Assert.Equal("""[{"CertificateArn":"arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"}]""", listener["Certificates"].Json());
        var service = T.Properties(Id(AppMeshNames.GatewayService, "Service"));
        Assert.Equal("envoy", (string?)service.At("LoadBalancers[0].ContainerName"));
        Assert.Equal(8443, (int)service.At("LoadBalancers[0].ContainerPort")!);
        Assert.Equal(2, (int)service["DesiredCount"]!);
        Assert.Contains(Id(AppMeshNames.GatewayService, "AlbDnsName"), T.Root["Outputs"]!.AsObject().Select(o => o.Key));
    }

    [Fact]
    public void The_plain_service_keeps_its_load_balancer_and_stays_out_of_the_mesh()
    {
        Assert.Contains(Id("mailer", "Nlb"), T.Ids);
        Assert.Single(T.Properties(Id("mailer", "TaskDefinition"))["ContainerDefinitions"]!.AsArray());
    }
}
