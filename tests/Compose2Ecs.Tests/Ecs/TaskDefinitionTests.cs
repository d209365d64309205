using System.Text.Json.Nodes;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Compose service keys → the Fargate task definition and its app container.</summary>
public sealed class TaskDefinitionTests : IClassFixture<TaskDefinitionTests.Fixture>
{
    public const string Compose = """
        name: shop
        services:
          api:
            image: registry.example.com/shop/api:2.1
            entrypoint: ["/docker-entrypoint.sh"]
            command: gunicorn --bind 0.0.0.0:8000 "shop.wsgi:app"
            environment:
              LOG_LEVEL: debug
              EMPTY: ""
              UNSET:
            secrets:
              - source: db_password
                target: DB_PASSWORD
              - stripe_key
            expose: ["8000"]
            ports:
              - "9000-9001:9000-9001/udp"
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
              interval: 20s
              timeout: 4s
              retries: 4
              start_period: 1m
            deploy:
              replicas: 3
              resources:
                limits: {cpus: "1.5", memory: 3G}
                reservations: {memory: 1G}
            user: "1000:1000"
            working_dir: /srv/app
            read_only: true
            init: true
            ulimits:
              nofile: {soft: 4096, hard: 8192}
              nproc: 512
            stop_grace_period: 5m
            cap_add: [NET_ADMIN, SYS_PTRACE]
            cap_drop: [ALL]
            platform: linux/arm64
            tty: true
            labels:
              team: checkout
          small:
            image: busybox:1.36
            command: ["sleep", "infinity"]
            healthcheck:
              test: "test -f /tmp/ready"
              interval: 1s
              timeout: 10m
            stop_grace_period: 20s
        secrets:
          db_password:
            external: true
            name: arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf
          stripe_key:
            external: true
            name: /shop/stripe
        """;

    private readonly Fixture _fixture;

    public TaskDefinitionTests(Fixture fixture) => _fixture = fixture;

    private TemplateFile Template => _fixture.Output.Template;

    [Fact]
    public void Task_definition_is_a_fargate_family_named_after_project_and_service_sized_to_its_limits()
    {
        var task = Template.Properties("apiTaskDefinition");
        Assert.Equal("shop-api", (string?)task["Family"]);
        Assert.Equal("awsvpc", (string?)task["NetworkMode"]);
        Assert.Equal("FARGATE", (string?)task["RequiresCompatibilities"]![0]);

        // 1.5 vCPU → 1536 units and 3 GiB: the smallest Fargate size holding both is 2 vCPU / 4 GiB.
        Assert.Equal("2048", (string?)task["Cpu"]);
        Assert.Equal("4096", (string?)task["Memory"]);
        Assert.Equal("ARM64", (string?)task["RuntimePlatform"]!["CpuArchitecture"]);

        // No resources at all: the smallest size.
        var small = Template.Properties("smallTaskDefinition");
        Assert.Equal(("256", "512"), ((string?)small["Cpu"], (string?)small["Memory"]));
    }

    [Fact]
    public void App_container_carries_image_entrypoint_command_and_resources()
    {
        var container = Template.Container("api");
        Assert.Equal("registry.example.com/shop/api:2.1", (string?)container["Image"]);
        Assert.True((bool?)container["Essential"]);
        Assert.Equal(["/docker-entrypoint.sh"], Strings(container["EntryPoint"]));
        Assert.Equal(["gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi:app"], Strings(container["Command"]));
        Assert.Equal(1536, (int?)container["Cpu"]);
        Assert.Equal(3072, (int?)container["Memory"]);
        Assert.Equal(1024, (int?)container["MemoryReservation"]);
    }

    [Fact]
    public void Environment_keeps_set_values_and_leaves_out_unset_ones()
    {
        var environment = Template.Container("api")["Environment"]!.AsArray()
            .ToDictionary(e => (string)e!["Name"]!, e => (string?)e!["Value"]);
        Assert.Equal(new Dictionary<string, string?> { ["LOG_LEVEL"] = "debug", ["EMPTY"] = "" }, environment);
    }

    [Fact]
    public void External_secrets_become_container_secrets_readable_by_the_execution_role_only()
    {
        var secrets = Template.Container("api")["Secrets"]!.AsArray();
        Assert.Equal("DB_PASSWORD", (string?)secrets[0]!["Name"]);
        Assert.Equal("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf", (string?)secrets[0]!["ValueFrom"]);
        Assert.Equal("stripe_key", (string?)secrets[1]!["Name"]);
        Assert.Equal("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shop/stripe", (string?)secrets[1]!["ValueFrom"]!["Fn::Sub"]);

        var statements = Template.Properties("apiExecutionRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        var secretStatement = statements.Single(s => s!["Action"] is JsonValue a && (string?)a == "secretsmanager:GetSecretValue")!;
        Assert.Equal("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf", (string?)secretStatement["Resource"]);
        var parameterStatement = statements.Single(s => s!["Action"] is JsonValue a && (string?)a == "ssm:GetParameters")!;
        Assert.Equal("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shop/stripe", (string?)parameterStatement["Resource"]!["Fn::Sub"]);
        Assert.DoesNotContain("\"*\"", Template.Properties("apiExecutionRole").ToJsonString(), StringComparison.Ordinal);
        Assert.Null(Template.Properties("apiTaskRole")["Policies"]);
    }

    [Fact]
    public void Ports_are_container_ports_with_their_protocol()
    {
        var ports = Template.Container("api")["PortMappings"]!.AsArray().Select(p => ((int)p!["ContainerPort"]!, (string)p["Protocol"]!));
        Assert.Equal([(9000, "udp"), (9001, "udp"), (8000, "tcp")], ports);
    }

    [Fact]
    public void Healthcheck_maps_command_and_times_and_clamps_to_ecs_ranges()
    {
        var check = Template.Container("api")["HealthCheck"]!;
        Assert.Equal(["CMD", "curl", "-f", "http://localhost:8000/health"], Strings(check["Command"]));
        Assert.Equal((20, 4, 4, 60), ((int)check["Interval"]!, (int)check["Timeout"]!, (int)check["Retries"]!, (int)check["StartPeriod"]!));

        // A string test is CMD-SHELL; 1s interval and 10m timeout are outside ECS's 5–300 and 2–60.
        var small = Template.Container("small")["HealthCheck"]!;
        Assert.Equal(["CMD-SHELL", "test -f /tmp/ready"], Strings(small["Command"]));
        Assert.Equal((5, 60, 3), ((int)small["Interval"]!, (int)small["Timeout"]!, (int)small["Retries"]!));
        Assert.Contains(_fixture.Output.Warnings, w => w.Message.Contains("healthcheck.interval: ECS allows 5 to 300 seconds; 1 becomes 5", StringComparison.Ordinal));
        Assert.Contains(_fixture.Output.Warnings, w => w.Message.Contains("healthcheck.timeout: ECS allows 2 to 60 seconds; 600 becomes 60", StringComparison.Ordinal));
    }

    [Fact]
    public void User_working_dir_read_only_ulimits_init_tty_map_to_the_container()
    {
        var container = Template.Container("api");
        Assert.Equal("1000:1000", (string?)container["User"]);
        Assert.Equal("/srv/app", (string?)container["WorkingDirectory"]);
        Assert.True((bool?)container["ReadonlyRootFilesystem"]);
        Assert.True((bool?)container["PseudoTerminal"]);
        Assert.True((bool?)container["LinuxParameters"]!["InitProcessEnabled"]);
        var ulimits = container["Ulimits"]!.AsArray().Select(u => ((string)u!["Name"]!, (long)u["SoftLimit"]!, (long)u["HardLimit"]!));
        Assert.Equal([("nofile", 4096L, 8192L), ("nproc", 512L, 512L)], ulimits);
        Assert.Null(Template.Container("small")["ReadonlyRootFilesystem"]);
    }

    [Fact]
    public void Stop_grace_period_becomes_stop_timeout_capped_at_120_seconds()
    {
        Assert.Equal(120, (int?)Template.Container("api")["StopTimeout"]);
        Assert.Equal(20, (int?)Template.Container("small")["StopTimeout"]);
        Assert.Contains(_fixture.Output.Warnings, w => w.Message.Contains("stop_grace_period: ECS waits at most 120 seconds", StringComparison.Ordinal) && w.Location.Line > 0);
    }

    [Fact]
    public void Capabilities_keep_what_fargate_allows_and_warn_about_the_rest()
    {
        var capabilities = Template.Container("api")["LinuxParameters"]!["Capabilities"]!;
        Assert.Equal(["SYS_PTRACE"], Strings(capabilities["Add"]));
        Assert.Equal(["ALL"], Strings(capabilities["Drop"]));
        Assert.Contains(_fixture.Output.Warnings, w => w.Message.Contains("Fargate can add only SYS_PTRACE; NET_ADMIN is left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_go_to_the_services_log_group_kept_30_days()
    {
        var logging = Template.Container("api")["LogConfiguration"]!;
        Assert.Equal("awslogs", (string?)logging["LogDriver"]);
        Assert.Equal("apiLogGroup", (string?)logging["Options"]!["awslogs-group"]!["Ref"]);
        Assert.Equal("api", (string?)logging["Options"]!["awslogs-stream-prefix"]);
        Assert.Equal(30, (int?)Template.Properties("apiLogGroup")["RetentionInDays"]);
    }

    [Fact]
    public void Labels_become_tags_and_replicas_the_desired_count()
    {
        var tags = Template.Properties("apiTaskDefinition")["Tags"]!.AsArray().Select(t => ((string)t!["Key"]!, (string)t["Value"]!));
        Assert.Equal([("team", "checkout")], tags);
        Assert.Equal(3, (int?)Template.Properties("apiService")["DesiredCount"]);
        Assert.Equal(1, (int?)Template.Properties("smallService")["DesiredCount"]);
    }

    [Fact]
    public void Cdk_assertions_agree_on_the_task_definition()
    {
        Cdk.Assert(Template, t =>
        {
            t.ResourceCountIs("AWS::ECS::TaskDefinition", 2);
            t.HasResourceProperties("AWS::ECS::TaskDefinition", Cdk.Props(
                ("Family", "shop-api"),
                ("ContainerDefinitions", Amazon.CDK.Assertions.Match.ArrayWith([Amazon.CDK.Assertions.Match.ObjectLike(Cdk.Props(("Name", "api"), ("StopTimeout", 120)))]))));
        });
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => (string)n!)];

    public sealed class Fixture : IDisposable
    {
        private readonly TempDir _dir = new();

        public Fixture() => Output = PureSynth.Yaml(_dir, Compose);

        public PureSynth.Output Output { get; }

        public void Dispose() => _dir.Dispose();
    }
}
