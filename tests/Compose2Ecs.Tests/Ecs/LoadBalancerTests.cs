using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Published ports: ALB for HTTP, NLB for TCP and UDP; listener on the published port, target group on the container port.</summary>
public sealed class LoadBalancerTests : IClassFixture<LoadBalancerTests.Fixture>
{
    private const string Compose = """
        services:
          web:
            image: example/web:1
            ports: ["80:8080", "127.0.0.1:9229:9229"]
            healthcheck:
              test: ["CMD-SHELL", "wget -q --spider http://127.0.0.1:8080/ready || exit 1"]
          db:
            image: postgres:16
            ports: ["5432:5432"]
          dns:
            image: example/dns:1
            ports: ["53:53/tcp", "53:53/udp"]
          metrics:
            image: example/metrics:1
            ports:
              - target: 7000
                published: "7443"
                app_protocol: http
          game:
            image: example/game:1
            ports: ["27015:27015/udp", "8081:8081"]
        """;

    private readonly Fixture _fixture;

    public LoadBalancerTests(Fixture fixture) => _fixture = fixture;

    private TemplateFile Template => _fixture.Output.Template;

    [Fact]
    public void Http_port_gets_an_internet_facing_alb_listening_on_the_published_port()
    {
        var alb = Template.Properties("webAlb");
        Assert.Equal("application", (string?)alb["Type"]);
        Assert.Equal("internet-facing", (string?)alb["Scheme"]);
        Assert.Equal(["PublicSubnet1", "PublicSubnet2"], alb["Subnets"]!.AsArray().Select(s => (string)s!["Ref"]!));

        var listener = Template.Properties("webAlbListenerHttp80");
        Assert.Equal(80, (int?)listener["Port"]);
        Assert.Equal("HTTP", (string?)listener["Protocol"]);
        Assert.Equal("webAlbTargetGroupHttp8080", (string?)listener["DefaultActions"]![0]!["TargetGroupArn"]!["Ref"]);
    }

    [Fact]
    public void Target_group_is_on_the_container_port_and_checks_the_healthcheck_path()
    {
        var group = Template.Properties("webAlbTargetGroupHttp8080");
        Assert.Equal(8080, (int?)group["Port"]);
        Assert.Equal("ip", (string?)group["TargetType"]);
        Assert.Equal("/ready", (string?)group["HealthCheckPath"]);

        // app_protocol http without an HTTP healthcheck: the root path.
        Assert.Equal("/", (string?)Template.Properties("metricsAlbTargetGroupHttp7000")["HealthCheckPath"]);
        Assert.Equal(7443, (int?)Template.Properties("metricsAlbListenerHttp7443")["Port"]);
    }

    [Fact]
    public void Ecs_service_registers_its_container_port_and_waits_for_the_listener()
    {
        var service = Template.Properties("webService");
        var binding = Assert.Single(service["LoadBalancers"]!.AsArray())!;
        Assert.Equal("web", (string?)binding["ContainerName"]);
        Assert.Equal(8080, (int?)binding["ContainerPort"]);
        Assert.Equal("webAlbTargetGroupHttp8080", (string?)binding["TargetGroupArn"]!["Ref"]);
        Assert.Contains("webAlbListenerHttp80", Template.DependsOn("webService"));
        Assert.Equal(60, (int?)service["HealthCheckGracePeriodSeconds"]);
    }

    [Fact]
    public void Non_http_tcp_port_gets_an_nlb()
    {
        Assert.Equal("network", (string?)Template.Properties("dbNlb")["Type"]);
        Assert.Equal("TCP", (string?)Template.Properties("dbNlbListenerTcp5432")["Protocol"]);
        Assert.Equal("TCP", (string?)Template.Properties("dbNlbTargetGroupTcp5432")["Protocol"]);
        Assert.DoesNotContain("dbAlb", Template.Ids);
    }

    [Fact]
    public void Tcp_and_udp_on_one_port_share_a_tcp_udp_listener()
    {
        Assert.Equal("TCP_UDP", (string?)Template.Properties("dnsNlbListenerTcpUdp53")["Protocol"]);
        Assert.Equal("TCP_UDP", (string?)Template.Properties("dnsNlbTargetGroupTcpUdp53")["Protocol"]);
        var rules = Template.OfType("AWS::EC2::SecurityGroupIngress")
            .Where(r => (string?)r.Value["Properties"]!["GroupId"]!["Fn::GetAtt"]![0] == "dnsNlbSecurityGroup")
            .Select(r => (string?)r.Value["Properties"]!["IpProtocol"]).Order();
        Assert.Equal(["tcp", "udp"], rules);
    }

    [Fact]
    public void Udp_target_group_is_health_checked_over_a_tcp_port_of_the_service()
    {
        var group = Template.Properties("gameNlbTargetGroupUdp27015");
        Assert.Equal("UDP", (string?)group["Protocol"]);
        Assert.Equal("TCP", (string?)group["HealthCheckProtocol"]);
        Assert.Equal("8081", (string?)group["HealthCheckPort"]);
        Assert.Contains(Template.OfType("AWS::EC2::SecurityGroupIngress"), r =>
            (string?)r.Value["Properties"]!["GroupId"]!["Fn::GetAtt"]![0] == "gameSecurityGroup"
            && (string?)r.Value["Properties"]!["SourceSecurityGroupId"]!["Fn::GetAtt"]![0] == "gameNlbSecurityGroup"
            && (int?)r.Value["Properties"]!["FromPort"] == 8081);
    }

    [Fact]
    public void A_port_published_on_loopback_only_gets_no_load_balancer()
    {
        Assert.DoesNotContain(Template.Ids, id => id.Contains("9229", StringComparison.Ordinal));
        Assert.Contains(_fixture.Output.Warnings, w => w.Message.Contains("127.0.0.1:9229 is published on the host's loopback only", StringComparison.Ordinal));
    }

    [Fact]
    public void Cdk_assertions_agree_on_the_load_balancers()
    {
        Cdk.Assert(Template, t =>
        {
            t.ResourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 6);
            t.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Cdk.Props(("Port", 5432), ("Protocol", "TCP")));
            t.HasOutput("webAlbDnsName", Cdk.Props(("Value", Cdk.Props(("Fn::GetAtt", new object[] { "webAlb", "DNSName" })))));
        });
    }

    public sealed class Fixture : IDisposable
    {
        private readonly TempDir _dir = new();

        public Fixture() => Output = PureSynth.Yaml(_dir, Compose);

        public PureSynth.Output Output { get; }

        public void Dispose() => _dir.Dispose();
    }
}
