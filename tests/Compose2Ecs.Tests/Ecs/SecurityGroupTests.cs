using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Least privilege between services: a callee accepts its callers (depends_on) on its container ports, and its load balancer.</summary>
public sealed class SecurityGroupTests
{
    private const string Graph = """
        services:
          web:
            image: nginx:1.27
            ports: ["80:8080"]
            depends_on: [api, cache]
          api:
            image: example/api:1
            expose: ["8000", "9000-9002"]
            ports: ["9100/udp"]
            depends_on: [db]
          worker:
            image: example/worker:1
            depends_on: [db, cache]
          db:
            image: postgres:16
            expose: ["5432"]
          cache:
            image: redis:7
            expose: ["6379"]
          lonely:
            image: busybox
            depends_on:
              worker: { condition: service_completed_successfully }
        """;

    [Fact]
    public void Ingress_rules_are_exactly_callers_to_callee_ports_and_each_load_balancer_to_its_service()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, Graph).Template;
        var rules = template.OfType("AWS::EC2::SecurityGroupIngress").Select(r => Describe(r.Value["Properties"]!.AsObject())).Order().ToList();

        string[] expected =
        [
            "0.0.0.0/0 -> webAlbSecurityGroup tcp 80-80",
            "apiSecurityGroup -> dbSecurityGroup tcp 5432-5432",
            "webAlbSecurityGroup -> webSecurityGroup tcp 8080-8080",
            "webSecurityGroup -> apiSecurityGroup tcp 8000-8000",
            "webSecurityGroup -> apiSecurityGroup tcp 9000-9002",
            "webSecurityGroup -> apiSecurityGroup udp 9100-9100",
            "webSecurityGroup -> cacheSecurityGroup tcp 6379-6379",
            "workerSecurityGroup -> cacheSecurityGroup tcp 6379-6379",
            "workerSecurityGroup -> dbSecurityGroup tcp 5432-5432",
        ];
        Assert.Equal(expected.Order(), rules);
    }

    [Fact]
    public void No_rule_opens_every_protocol_and_only_load_balancer_groups_face_the_internet()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, Graph).Template;
        foreach (var (id, rule) in template.OfType("AWS::EC2::SecurityGroupIngress"))
        {
            var properties = rule["Properties"]!;
            Assert.NotEqual("-1", (string?)properties["IpProtocol"]);
            if (properties["CidrIp"] is not null)
            {
                Assert.EndsWith("AlbSecurityGroup", (string?)properties["GroupId"]!["Fn::GetAtt"]![0], StringComparison.Ordinal);
            }
        }

        // Service groups keep CloudFormation's default egress (tasks pull images and call AWS APIs); a load balancer's egress reaches its service only.
        Assert.Null(template.Properties("webSecurityGroup")["SecurityGroupEgress"]);
        Assert.Null(template.Properties("webSecurityGroup")["SecurityGroupIngress"]);
        var egress = Assert.Single(template.Properties("webAlbSecurityGroup")["SecurityGroupEgress"]!.AsArray())!;
        Assert.Equal("webSecurityGroup", (string?)egress["DestinationSecurityGroupId"]!["Fn::GetAtt"]![0]);
        Assert.Equal(8080, (int?)egress["FromPort"]);
    }

    [Fact]
    public void A_service_nobody_depends_on_and_without_published_ports_accepts_nothing()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, Graph).Template;
        Assert.DoesNotContain(template.OfType("AWS::EC2::SecurityGroupIngress"),
            r => (string?)r.Value["Properties"]!["GroupId"]!["Fn::GetAtt"]![0] is "lonelySecurityGroup" or "workerSecurityGroup");
    }

    private static string Describe(System.Text.Json.Nodes.JsonObject rule)
    {
        var source = rule["CidrIp"] is { } cidr ? (string)cidr! : (string)rule["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!;
        var target = (string)rule["GroupId"]!["Fn::GetAtt"]![0]!;
        return $"{source} -> {target} {(string?)rule["IpProtocol"]} {(int)rule["FromPort"]!}-{(int)rule["ToPort"]!}";
    }
}
