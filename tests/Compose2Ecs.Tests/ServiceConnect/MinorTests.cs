using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>The smaller fixes of issue 18: gateway TLS policy and redirect, health check path, proxy room, DNS labels, timeouts.</summary>
public sealed class MinorTests
{
    private const string Gateway = """
        x-mesh:
          gateway:
            load_balancer: alb
            port: 443
            certificate_arn: arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000
            routes: [{ path_prefix: /, to: web }]
        services:
          web:
            image: w
            expose: ["8080"]
            healthcheck:
              test: ["CMD", "wget", "-q", "-O-", "http://localhost:8080/ready"]
        """;

    [Fact]
    public void An_https_gateway_has_a_tls13_policy_and_redirects_http()
    {
        var resources = Sc.Resources(Gateway);
        Assert.Equal(GatewayPlanner.SslPolicy, (string?)Sc.Props(resources, GatewayPlanner.ListenerId)["SslPolicy"]);
        var redirect = Sc.Props(resources, GatewayPlanner.RedirectListenerId);
        Assert.Equal(80, (long?)redirect["Port"]);
        Assert.Equal("""{"Protocol":"HTTPS","Port":"443","StatusCode":"HTTP_301"}""", redirect["DefaultActions"]![0]!["RedirectConfig"]!.ToJsonString());
        Assert.Equal("0.0.0.0/0", (string?)Sc.Props(resources, "GatewayIngressTcp80")["CidrIp"]);
    }

    [Fact]
    public void The_target_group_checks_the_path_the_compose_healthcheck_probes()
    {
        var resources = Sc.Resources(Gateway);
        Assert.Equal("/ready", (string?)Sc.Props(resources, GatewayPlanner.TargetGroupId("web"))["HealthCheckPath"]);
        var written = Sc.Resources(Gateway.Replace("      test:", "      interval: 10s\n      test:").Replace("    expose: [\"8080\"]\n", "    expose: [\"8080\"]\n    x-mesh: { health_check: { path: /healthz } }\n"));
        Assert.Equal("/healthz", (string?)Sc.Props(written, GatewayPlanner.TargetGroupId("web"))["HealthCheckPath"]);
    }

    [Fact]
    public void Proxy_room_that_grows_the_task_is_a_warning_and_a_16_vcpu_app_is_not_refused()
    {
        const string grows = """
            services:
              api:
                image: a
                expose: ["8080"]
                deploy: { resources: { limits: { cpus: "0.5", memory: 1G } } }
            """;
        var plan = Sc.Plan(grows);
        Sc.Coded(plan.Warnings, grows, "api:", ServiceConnectDiagnosticCodes.ProxyRoom, Severity.Warning);
        // The plan's size counts the room (512 + 256 CPU units, 1024 + 64 MiB): what the template says.
        Assert.Equal(new Core.Ecs.Plan.TaskSize(1024, 2048), plan.Service("api").TaskDefinition.Size);

        const string big = """
            services:
              api:
                image: a
                expose: ["8080"]
                deploy: { resources: { limits: { cpus: "16", memory: 120G } } }
            """;
        var bigPlan = Sc.Plan(big);
        Sc.Coded(bigPlan.Warnings, big, "api:", ServiceConnectDiagnosticCodes.ProxyRoom, Severity.Warning);
        Assert.Equal(new Core.Ecs.Plan.TaskSize(16384, 122880), bigPlan.Service("api").TaskDefinition.Size);
    }

    [Fact]
    public void A_client_alias_keeps_to_the_63_character_dns_label()
    {
        var name = new string('a', 70);
        var alias = ServiceConnectNames.Alias(name);
        Assert.True(alias.Length <= ServiceConnectNames.MaxDnsLabel, alias);
        Assert.Equal("api", ServiceConnectNames.Alias("API"));
    }

    [Fact]
    public void An_idle_timeout_of_zero_disables_it()
    {
        const string compose = """
            services:
              api: { image: a, expose: ["8080"], x-mesh: { timeout: { idle: 0s } } }
            """;
        var timeout = Sc.Connect(Sc.Resources(compose), "api")!["Services"]![0]!["Timeout"]!;
        Assert.Equal(0, (long?)timeout["IdleTimeoutSeconds"]);
    }

    [Fact]
    public void A_database_port_that_is_http_only_by_default_gets_no_app_protocol()
    {
        const string compose = """
            services:
              db: { image: postgres:16, expose: ["5432"] }
              cache: { image: redis:7, expose: ["6379"], x-mesh: { protocol: http } }
              api: { image: a, expose: ["8080"] }
            """;
        var resources = Sc.Resources(compose);
        Assert.Null(Sc.App(resources, "db")["PortMappings"]![0]!["AppProtocol"]);
        Assert.Equal("http", (string?)Sc.App(resources, "cache")["PortMappings"]![0]!["AppProtocol"]);   // written: kept
        Assert.Null(Sc.App(resources, "api")["PortMappings"]![0]!["AppProtocol"]);   // nothing reaches it by HTTP: tcp (spec §2)
    }
}
