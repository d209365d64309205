using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>Security groups and IAM: one rule per concrete edge on 20000, the servers' ports, ACL roles and the controller.</summary>
public sealed class SecurityTests
{
    private const string Compose = """
        services:
          web:
            image: nginx
            ports: ["80:8080"]
            depends_on: [api, legacy]
          api:
            image: example/api
            expose: ["9000"]
          legacy:
            image: example/legacy
            expose: ["5000", "5001"]
            x-mesh: false
        x-mesh:
          consul:
            servers: { hosts: consul.internal, security_group: sg-0123456789abcdef0 }
        """;

    private static List<(string Id, string Group, string Source, string Proto, int From, int To)> Rules(Consul.Built built) =>
        [.. built.OfType("AWS::EC2::SecurityGroupIngress").Select(r => (r.Key,
            Consul.Json(r.Value["Properties"]!["GroupId"]),
            Consul.Json(r.Value["Properties"]!["SourceSecurityGroupId"] ?? r.Value["Properties"]!["CidrIp"]),
            (string)r.Value["Properties"]!["IpProtocol"]!,
            (int)r.Value["Properties"]!["FromPort"]!.GetValue<long>(),
            (int)r.Value["Properties"]!["ToPort"]!.GetValue<long>()))];

    private static string Group(string service) => $$"""{"Fn::GetAtt":["{{LogicalIds.For(service, "SecurityGroup")}}","GroupId"]}""";

    [Fact]
    public void Each_concrete_edge_opens_tcp_20000_and_a_direct_edge_opens_the_callees_ports_and_nothing_else_between_services()
    {
        using var dir = new TempDir();
        var rules = Rules(Consul.Build(dir, Compose));
        var between = rules.Where(r => r.Group.Contains("SecurityGroup\"", StringComparison.Ordinal) && r.Source.Contains("SecurityGroup\"", StringComparison.Ordinal)
            && !r.Source.Contains("Alb", StringComparison.Ordinal) && !r.Group.Contains("Alb", StringComparison.Ordinal) && !r.Source.Contains("Consul", StringComparison.Ordinal))
            .Select(r => (r.Group, r.Source, r.Proto, r.From, r.To)).Order().ToList();
        Assert.Equal(
            new[] { (Group("api"), Group("web"), "tcp", 20000, 20000), (Group("legacy"), Group("web"), "tcp", 5000, 5000), (Group("legacy"), Group("web"), "tcp", 5001, 5001) }.Order(),
            between);
        Assert.DoesNotContain(rules, r => r.Proto == "-1");
        Assert.All(rules.Where(r => r.Source == "\"0.0.0.0/0\""), r => Assert.Contains("Alb", r.Group, StringComparison.Ordinal));
    }

    [Fact]
    public void The_servers_group_admits_the_shared_client_group_on_https_and_grpc_tls_and_every_mesh_task_carries_it()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, Compose);
        var rules = Rules(built).Where(r => r.Group == "\"sg-0123456789abcdef0\"").Select(r => (r.Source, r.Proto, r.From)).Order().ToList();
        const string Clients = """{"Fn::GetAtt":["ConsulClientSecurityGroup","GroupId"]}""";
        Assert.Equal([(Clients, "tcp", 8501), (Clients, "tcp", 8503)], rules);

        foreach (var service in new[] { "web", "api" })
        {
            var groups = built.Properties(LogicalIds.For(service, "Service"))["NetworkConfiguration"]!["AwsvpcConfiguration"]!["SecurityGroups"]!.ToJsonString();
            Assert.Contains("ConsulClientSecurityGroup", groups, StringComparison.Ordinal);
        }

        var legacy = built.Properties(LogicalIds.For("legacy", "Service"))["NetworkConfiguration"]!.ToJsonString();
        Assert.DoesNotContain("ConsulClientSecurityGroup", legacy, StringComparison.Ordinal);
        Assert.DoesNotContain(built.All, r => r.Value.ToJsonString().Contains("\"Action\":\"*\"", StringComparison.Ordinal));
    }

    [Fact]
    public void With_acls_task_roles_are_tagged_on_the_controllers_path_read_themselves_and_the_controller_runs_with_the_bootstrap_token()
    {
        const string Token = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:consul-bootstrap-AbCdEf";
        using var dir = new TempDir();
        var built = Consul.Build(dir, $$"""
            name: shop
            services:
              api: { image: example/api, expose: ["9000"] }
            x-mesh:
              consul:
                acls: true
                namespace: team
                partition: part
                bootstrap_token_secret_arn: "{{Token}}"
                servers: { hosts: consul.internal }
            """);
        Consul.ValidConfigs(built);
        var role = built.Properties(LogicalIds.For("api", "TaskRole"));
        Assert.Equal("/consul-ecs/shop/", (string?)role["Path"]);
        Assert.Equal("""[{"Key":"consul.hashicorp.com.service-name","Value":"api"},{"Key":"consul.hashicorp.com.namespace","Value":"team"}]""", Consul.Json(role["Tags"]));
        var policy = built.Properties(LogicalIds.For("api", "ConsulGetRolePolicy"));
        Assert.Equal($$"""[{"Ref":"{{LogicalIds.For("api", "TaskRole")}}"}]""", Consul.Json(policy["Roles"]));
        Assert.Equal($$$"""[{"Effect":"Allow","Action":"iam:GetRole","Resource":{"Fn::GetAtt":["{{{LogicalIds.For("api", "TaskRole")}}}","Arn"]}}]""", Consul.Json(policy["PolicyDocument"]!["Statement"]));
        // The first tasks log in at once: the ECS service is created after the grant, not racing it.
        Assert.Contains(LogicalIds.For("api", "ConsulGetRolePolicy"), built.Resource(LogicalIds.For("api", "Service"))["DependsOn"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("""{"enabled":true,"method":"iam-ecs-service-token"}""", Consul.Json(built.Config("api")["consulLogin"]));

        var controller = built.Container("consul-ecs-controller", "consul-ecs-controller");
        Assert.Equal("""["controller"]""", Consul.Json(controller["Command"]));
        Assert.Equal($$"""[{"Name":"CONSUL_HTTP_TOKEN","ValueFrom":"{{Token}}"}]""", Consul.Json(controller["Secrets"]));
        Assert.True((bool)controller["ReadonlyRootFilesystem"]!);
        var config = built.Config("consul-ecs-controller", "consul-ecs-controller");
        Assert.Equal("""{"iamRolePath":"/consul-ecs/shop/","partitionsEnabled":true,"partition":"part"}""", Consul.Json(config["controller"]));

        var statements = built.Properties(LogicalIds.For("consul-ecs-controller", "TaskRole"))["Policies"]![0]!["PolicyDocument"]!["Statement"]!.ToJsonString();
        Assert.Contains("""{"Effect":"Allow","Action":"ecs:ListTasks","Resource":"*","Condition":{"ArnEquals":{"ecs:cluster":{"Fn::GetAtt":["Cluster","Arn"]}}}}""", statements, StringComparison.Ordinal);
        Assert.Contains("""{"Effect":"Allow","Action":"ecs:DescribeTasks","Resource":{"Fn::Sub":["arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/${ClusterName}/*",{"ClusterName":{"Ref":"Cluster"}}]}}""", statements, StringComparison.Ordinal);
        var execution = built.Properties(LogicalIds.For("consul-ecs-controller", "ExecutionRole")).ToJsonString();
        Assert.Contains(Token, execution, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dev_server_registers_in_cloud_map_is_every_tasks_server_and_gets_the_server_rules()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, File.ReadAllText(Path.Combine(Paths.Example("consul-dev"), "compose.yaml")), new Core.Ecs.SynthOptions());
        Consul.ValidConfigs(built);
        Assert.Equal("consul-server", (string?)built.Properties(LogicalIds.For("consul-server", "Discovery"))["Name"]);
        Assert.Equal("consul-server.hello.local", (string?)built.Config("web")["consulServers"]!["hosts"]);
        Assert.False((bool)built.Config("web")["consulServers"]!["defaults"]!["tls"]!);
        var server = built.Container("consul-server", "consul-server");
        Assert.Contains("consul agent -dev -ui -client 0.0.0.0", (string)server["Command"]![0]!, StringComparison.Ordinal);
        Assert.Contains("initial_management", (string)server["Command"]![0]!, StringComparison.Ordinal);

        // The agent's own token (acl.tokens.agent) is set, so the dev server's node registration and anti-entropy are not denied.
        Assert.Contains("tokens { initial_management = \\\"$CONSUL_HTTP_TOKEN\\\", agent = \\\"$CONSUL_HTTP_TOKEN\\\" }", (string)server["Command"]![0]!, StringComparison.Ordinal);
        Assert.Equal("""[{"Name":"CONSUL_HTTP_TOKEN","ValueFrom":{"Ref":"ConsulBootstrapToken"}}]""", Consul.Json(server["Secrets"]));
        Assert.Equal("AWS::SecretsManager::Secret", (string?)built.Resource("ConsulBootstrapToken")["Type"]);

        var devGroup = Group("consul-server");
        var rules = Rules(built).Where(r => r.Group == devGroup).Select(r => (r.Proto, r.From)).Order().ToList();
        Assert.Equal([("tcp", 8500), ("tcp", 8502)], rules);
        Assert.Contains(built.Plan.Warnings, w => w.Message.Contains("not for production", StringComparison.Ordinal));
    }
}
