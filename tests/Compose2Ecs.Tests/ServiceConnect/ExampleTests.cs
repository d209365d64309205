using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.ServiceConnect.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// examples/appmesh-migration: the same file for App Mesh and Service Connect, synthesized through the CLI and the CDK
/// and cfn-checked; the other examples as built (Hardening's CdkEquivalenceTests takes each through the CDK).
/// </summary>
public sealed class ExampleTests
{
    private static string Example => Path.Combine(Paths.Example("appmesh-migration"), "compose.yaml");

    [Fact]
    public void The_same_file_is_valid_for_appmesh_and_synthesizes_for_service_connect()
    {
        var dir = Path.GetDirectoryName(Example)!;
        var appmesh = CliRunner.Run(dir, "validate", "--mesh", "appmesh");
        Assert.True(appmesh.ExitCode == 0, appmesh.Error);
        Assert.Equal("ok: 6 services, 2 routes, 7 edges\n", appmesh.Out.ReplaceLineEndings("\n"));

        using var temp = new TempDir();
        var result = CliRunner.Run(dir, "synth", "-o", temp.Sub("cdk.out"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("error", result.Error, StringComparison.Ordinal);
        CfnCheck.AssertPasses(temp.Sub("cdk.out"));

        var template = new TemplateFile(temp.Sub("cdk.out/bookshop.template.json"));
        var resources = template.Resources;
        Assert.Equal("compose2ecs: bookshop on ECS Fargate (--mesh service-connect)", (string?)template.Root["Description"]);

        // Every listening mesh service: a named port mapping with its protocol, one endpoint, TLS, the shared log group.
        Assert.Equal("""{"AppProtocol":"grpc","ContainerPort":50051,"Name":"catalog-v2-50051","Protocol":"tcp"}""", Sc.App(resources, "catalog-v2")["PortMappings"]![0]!.ToJsonString());
        Assert.Null(Sc.App(resources, "postgres")["PortMappings"]![0]!["AppProtocol"]);
        var api = Sc.Connect(resources, "api")!;
        Assert.Equal("api", (string?)api["Services"]![0]!["ClientAliases"]![0]!["DnsName"]);
        Assert.Equal(15, (long?)api["Services"]![0]!["Timeout"]!["PerRequestTimeoutSeconds"]);
        Assert.Equal("/ecs/bookshop/service-connect", (string?)api["LogConfiguration"]!["Options"]!["awslogs-group"]);
        Assert.Equal("ServiceConnectTlsRole", (string?)api["Services"]![0]!["Tls"]!["RoleArn"]!["Fn::GetAtt"]![0]);

        // The routes are client aliases of their single targets; every name is an alias in both forms (spec §2).
        var aliases = new Dictionary<string, string>();
        foreach (var service in new[] { "web", "api", "catalog-v2", "postgres" })
        {
            foreach (var endpoint in Sc.Connect(resources, service)!["Services"]!.AsArray())
            {
                aliases[$"{endpoint!["ClientAliases"]![0]!["DnsName"]}:{endpoint["ClientAliases"]![0]!["Port"]}"] = service;
            }
        }

        Assert.Equal(
            ["api.bookshop.local:8080=api", "api:8080=api", "catalog-v2.bookshop.local:50051=catalog-v2", "catalog-v2:50051=catalog-v2", "catalog.bookshop.local:50051=catalog-v2", "catalog:50051=catalog-v2",
             "orders-db.bookshop.local:5432=postgres", "orders-db:5432=postgres", "postgres.bookshop.local:5432=postgres", "postgres:5432=postgres", "web.bookshop.local:8080=web", "web:8080=web"],
            aliases.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal));
        Assert.Null(Sc.Connect(resources, "worker")!["Services"]);
        Assert.Null(Sc.Connect(resources, "mailer"));

        // Exactly the call edges, on the callee's listener port (routes resolved to their targets; TLS behind the gateway: the proxy's ingress override), plus the gateway.
        Assert.Equal(
            [
                "Gateway->api:8080-8080/tcp",
                "Gateway->web:8080-8080/tcp",
                "api->catalogv2f1f773:50051-50051/tcp",
                "api->postgres:5432-5432/tcp",
                "catalogv2f1f773->postgres:5432-5432/tcp",
                "web->api:18080-18080/tcp",
                "worker->api:18080-18080/tcp",
                "worker->mailer:25-25/tcp",
                "worker->postgres:5432-5432/tcp",
            ],
            Sc.ServiceEdges(resources));
        Assert.Equal("catalogv2f1f773", Core.Ecs.Naming.LogicalIds.Part("catalog-v2"));
    }

    [Fact]
    public void Every_example_builds_service_connect_templates_that_pass_cfn_check_but_mesh_shop_which_needs_traffic_rules()
    {
        using var temp = new TempDir();
        var outputs = new List<string>();
        // The examples of this change and those before it; examples added by other backends say their own outcome.
        foreach (var name in new[] { "appmesh-migration", "mesh-shop", "quickstart", "shop" })
        {
            var example = Paths.Example(name);
            var project = Synth.Load(example, "compose.yaml");
            var output = temp.Sub(name);
            if (name == "mesh-shop")
            {
                // Canary headers, a 90/10 split, retries, a gRPC method match and a connection pool: App Mesh or Consul only.
                var refused = Assert.Throws<Core.Diagnostics.InvalidInputException>(() => PureSynth.Project(project, Sc.Options));
                Assert.Equal(6, refused.Errors.Count());
                continue;
            }

            PureSynth.Project(project, Sc.Options with { Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/examples" }).WriteTo(output);
            outputs.Add(output);
        }

        Assert.Equal(["appmesh-migration", "quickstart", "shop"], outputs.Select(Path.GetFileName));
        CfnCheck.AssertPasses([.. outputs]);
    }

    [Fact]
    public void The_gateway_is_a_load_balancer_straight_to_its_target_services()
    {
        var resources = Sc.Resources(File.ReadAllText(Example));
        Assert.Equal("application", (string?)Sc.Props(resources, "Gateway")["Type"]);
        var listener = Sc.Props(resources, "GatewayListener");
        Assert.Equal(("HTTPS", 443L), ((string?)listener["Protocol"], (long?)listener["Port"]));
        Assert.Equal("webGatewayTargetGroup", (string?)listener["DefaultActions"]![0]!["TargetGroupArn"]!["Ref"]);

        var rule = Sc.Props(resources, GatewayPlanner.RuleId("/api"));
        Assert.Equal("""["/api","/api/*"]""", rule["Conditions"]![0]!["PathPatternConfig"]!["Values"]!.ToJsonString());
        Assert.Equal("apiGatewayTargetGroup", (string?)rule["Actions"]![0]!["TargetGroupArn"]!["Ref"]);

        var group = Sc.Props(resources, "apiGatewayTargetGroup");
        Assert.Equal(("ip", 8080L, "/healthz"), ((string?)group["TargetType"], (long?)group["Port"], (string?)group["HealthCheckPath"]));

        var api = Sc.Props(resources, "apiService");
        Assert.Equal("""[{"ContainerName":"api","ContainerPort":8080,"TargetGroupArn":{"Ref":"apiGatewayTargetGroup"}}]""", api["LoadBalancers"]!.ToJsonString());
        Assert.Contains("GatewayListener", resources["apiService"]!["DependsOn"]!.AsArray().Select(d => (string?)d));
        Assert.Contains(GatewayPlanner.RuleId("/api"), resources["apiService"]!["DependsOn"]!.AsArray().Select(d => (string?)d));

        // 0.0.0.0/0 only on the gateway's listener port and its HTTP->HTTPS redirect; its egress reaches its targets' listeners only.
        var open = resources.Where(r => (string?)r.Value!["Properties"]?["CidrIp"] == "0.0.0.0/0").Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["GatewayIngressTcp443", "GatewayIngressTcp80"], open);
        Assert.Equal(2, Sc.Props(resources, "GatewaySecurityGroup")["SecurityGroupEgress"]!.AsArray().Count);
    }

    [Fact]
    public void A_split_application_with_a_gateway_has_no_cycle_and_passes_cfn_check()
    {
        using var dir = new TempDir();
        var compose = GeneratedProject.Yaml(24) + "x-mesh:\n  gateway:\n    routes:\n      - { path_prefix: /, to: s0003 }\n      - { path_prefix: /api, to: s0017 }\n";
        dir.File("compose.yaml", compose);
        var options = Sc.Options with { OutputDirectory = dir.Sub("cdk.out") };
        var (plan, context, backend) = EcsSynthesis.Plan(Synth.Load(dir.Path, "compose.yaml"), options, Synth.Backends);
        var templates = TemplateBuilder.Build(plan, new SplitLimits { MaxResources = 80 });
        Assert.NotEmpty(templates.Nested);
        Assert.Contains(templates.Root.Resources, r => r.LogicalId == "Gateway");
        EcsSynthesis.Write(plan, templates, options);
        var check = CfnCheck.Run(dir.Sub("cdk.out"));
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public void Two_runs_write_byte_identical_templates()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", File.ReadAllText(Example));
        string Run() => PureSynth.Project(Synth.Load(dir.Path, "compose.yaml"), Sc.Options).Template.Text;
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void An_nlb_gateway_forwards_tcp_to_its_one_target()
    {
        var resources = Sc.Resources("""
            x-mesh:
              gateway:
                port: 5432
                routes:
                  - { to: db }
            services:
              db: { image: postgres:16, expose: ["5432"], x-mesh: { protocol: tcp } }
            """);
        Assert.Equal("network", (string?)Sc.Props(resources, "Gateway")["Type"]);
        Assert.Equal(("TCP", 5432L), ((string?)Sc.Props(resources, "GatewayListener")["Protocol"], (long?)Sc.Props(resources, "GatewayListener")["Port"]));
        Assert.Equal(("TCP", "TCP"), ((string?)Sc.Props(resources, "dbGatewayTargetGroup")["Protocol"], (string?)Sc.Props(resources, "dbGatewayTargetGroup")["HealthCheckProtocol"]));
        Assert.DoesNotContain(resources, r => (string?)r.Value!["Type"] == "AWS::ElasticLoadBalancingV2::ListenerRule");
    }
}
