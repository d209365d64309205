using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>ECS services, their creation order, Cloud Map registration, and the shared network.</summary>
public sealed class ServiceAndNetworkTests
{
    private const string ThreeTier = """
        name: tiers
        services:
          web:
            image: nginx:1.27
            depends_on: [api]
          api:
            image: example/api:1
            expose: ["8080"]
            depends_on:
              db:
                condition: service_healthy
          db:
            image: postgres:16
            expose: ["5432"]
            healthcheck:
              test: pg_isready
          job:
            image: example/job:1
            deploy:
              replicas: 0
        """;

    [Fact]
    public void Every_compose_service_becomes_one_fargate_service_with_its_own_group_roles_and_logs()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, ThreeTier).Template;
        foreach (var type in new[] { "AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::EC2::SecurityGroup", "AWS::Logs::LogGroup" })
        {
            Assert.Equal(4, template.OfType(type).Count());
        }

        Assert.Equal(8, template.OfType("AWS::IAM::Role").Count());
        var api = template.Properties("apiService");
        Assert.Equal("FARGATE", (string?)api["LaunchType"]);
        Assert.Equal("Cluster", (string?)api["Cluster"]!["Ref"]);
        Assert.Equal("DISABLED", (string?)api["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]);
        Assert.Equal(["PrivateSubnet1", "PrivateSubnet2"],
            api["NetworkConfiguration"]!["AwsvpcConfiguration"]!["Subnets"]!.AsArray().Select(s => (string)s!["Ref"]!));
        Assert.Equal(0, (int?)template.Properties("jobService")["DesiredCount"]);
    }

    [Fact]
    public void Depends_on_becomes_dependson_between_ecs_services()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, ThreeTier).Template;
        Assert.Contains("apiService", template.DependsOn("webService"));
        Assert.Contains("dbService", template.DependsOn("apiService"));
        Assert.DoesNotContain(template.DependsOn("dbService"), d => d.EndsWith("Service", StringComparison.Ordinal) && d != "dbService");

        // Tasks start only once the private subnets route through the NAT gateway.
        Assert.Contains("PrivateDefaultRoute", template.DependsOn("dbService"));
    }

    [Fact]
    public void Services_with_a_port_register_in_cloud_map_and_others_do_not()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, ThreeTier).Template;
        var discovery = template.Properties("apiDiscovery");
        Assert.Equal("api", (string?)discovery["Name"]);
        Assert.Equal("MULTIVALUE", (string?)discovery["DnsConfig"]!["RoutingPolicy"]);
        Assert.Equal("A", (string?)discovery["DnsConfig"]!["DnsRecords"]![0]!["Type"]);
        Assert.Equal("Namespace", (string?)discovery["DnsConfig"]!["NamespaceId"]!["Fn::GetAtt"]![0]);
        Assert.Equal("apiDiscovery", (string?)template.Properties("apiService")["ServiceRegistries"]![0]!["RegistryArn"]!["Fn::GetAtt"]![0]);
        Assert.DoesNotContain("webDiscovery", template.Ids);
        Assert.Null(template.Properties("webService")["ServiceRegistries"]);
        Assert.Equal("tiers.local", (string?)template.Properties("Namespace")["Name"]);
    }

    [Fact]
    public void A_new_vpc_has_two_public_and_two_private_subnets_one_nat_and_the_namespace_as_search_domain()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, ThreeTier).Template;
        Assert.Single(template.OfType("AWS::EC2::VPC"));
        Assert.Equal(4, template.OfType("AWS::EC2::Subnet").Count());
        Assert.Single(template.OfType("AWS::EC2::NatGateway"));
        Assert.True((bool?)template.Properties("PublicSubnet1")["MapPublicIpOnLaunch"]);
        Assert.False((bool?)template.Properties("PrivateSubnet1")["MapPublicIpOnLaunch"]);
        Assert.Equal("tiers.local", (string?)template.Properties("DhcpOptions")["DomainName"]);
        Assert.Single(template.OfType("AWS::ECS::Cluster"));
    }

    [Fact]
    public void X_mesh_vpc_cluster_and_namespace_import_existing_ones_without_lookups()
    {
        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, """
            name: tiers
            x-mesh:
              namespace: internal.example
              cluster: prod-cluster
              vpc:
                id: vpc-0abc1234
                private_subnets: [subnet-0000000000000000a, subnet-0000000000000000b]
                public_subnets: [subnet-0000000000000000c, subnet-0000000000000000d]
            services:
              web:
                image: nginx:1.27
                ports: ["80:80"]
            """).Template;
        Assert.Empty(template.OfType("AWS::EC2::VPC"));
        Assert.Empty(template.OfType("AWS::EC2::Subnet"));
        Assert.Empty(template.OfType("AWS::ECS::Cluster"));
        var service = template.Properties("webService");
        Assert.Equal("prod-cluster", (string?)service["Cluster"]);
        Assert.Equal(["subnet-0000000000000000a", "subnet-0000000000000000b"], service["NetworkConfiguration"]!["AwsvpcConfiguration"]!["Subnets"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["subnet-0000000000000000c", "subnet-0000000000000000d"], template.Properties("webAlb")["Subnets"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("vpc-0abc1234", (string?)template.Properties("webSecurityGroup")["VpcId"]);
        Assert.Equal("internal.example", (string?)template.Properties("Namespace")["Name"]);
        Assert.DoesNotContain("PrivateDefaultRoute", template.DependsOn("webService"));
    }

    [Fact]
    public void An_imported_vpc_without_public_subnets_cannot_publish_ports()
    {
        using var dir = new TempDir();
        var errors = Synth.Errors(dir, """
            x-mesh:
              vpc: {id: vpc-0123456789abcdef0, private_subnets: [subnet-0000000000000000a]}
            services:
              web:
                image: nginx:1.27
                ports: ["80:80"]
            """);
        // The mesh model checks x-mesh before anything is planned, at the vpc key.
        var error = Assert.Single(errors);
        Assert.Contains("x-mesh.vpc: public_subnets is required: web is published through a load balancer", error.Message, StringComparison.Ordinal);
        Assert.Equal((2, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Stack_name_defaults_to_the_project_name_and_the_cli_option_wins()
    {
        using var dir = new TempDir();
        // The stack name names the root template file (Hardening's CdkEquivalenceTests finds it there in every assembly).
        Assert.Equal("my-app", PureSynth.Yaml(dir, "name: my_app\nservices:\n  a:\n    image: busybox\n").Plan.StackName);

        using var other = new TempDir();
        Assert.Equal("prod-app", PureSynth.Yaml(other, "name: my_app\nservices:\n  a:\n    image: busybox\n", new SynthOptions { StackName = "prod-app" }).Plan.StackName);
    }
}
