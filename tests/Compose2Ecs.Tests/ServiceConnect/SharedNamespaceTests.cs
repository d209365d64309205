using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// <c>x-mesh.service_connect.namespace: { arn: ... }</c>: two stacks share an existing Cloud Map namespace; the stack
/// creates none, and Service Connect, the base's DNS records and the aliases all use the existing one.
/// </summary>
public sealed class SharedNamespaceTests
{
    private const string Arn = "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-abcdef0123456789";

    private const string Vpc = "  vpc: { id: vpc-0abc1234, private_subnets: [subnet-00000000000000001, subnet-00000000000000002] }\n";

    private const string Compose = $$"""
        name: shop
        x-mesh:
          namespace: shared.local
        {{Vpc}}  service_connect:
            namespace: { arn: {{Arn}} }
        services:
          api: { image: a, expose: ["8080"] }
          web: { image: w, expose: ["80"], x-mesh: { upstreams: [api] } }
          job: { image: j, x-mesh: false, depends_on: [api] }
        """;

    [Fact]
    public void An_existing_namespace_is_used_by_arn_and_id_and_none_is_created()
    {
        var resources = Sc.Resources(Compose);
        Assert.DoesNotContain(resources, r => (string?)r.Value!["Type"] == "AWS::ServiceDiscovery::PrivateDnsNamespace");

        foreach (var service in new[] { "api", "web" })
        {
            Assert.Equal(Arn, (string?)Sc.Connect(resources, service)!["Namespace"]);
        }

        // The base's DNS records (what plain callers such as job resolve) are in the existing namespace.
        var records = resources.Where(r => (string?)r.Value!["Type"] == "AWS::ServiceDiscovery::Service").Select(r => r.Value!["Properties"]!).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("ns-abcdef0123456789", (string?)r["DnsConfig"]!["NamespaceId"]));

        // <name>.<namespace> aliases are written with x-mesh.namespace, the existing namespace's name.
        var aliases = Sc.Connect(resources, "api")!["Services"]!.AsArray()
            .SelectMany(s => s!["ClientAliases"]!.AsArray()).Select(a => (string?)a!["DnsName"]).ToList();
        Assert.Contains("api.shared.local", aliases);
    }

    [Fact]
    public void Nested_stacks_use_the_existing_namespace_without_passing_it_down()
    {
        var compose = new System.Text.StringBuilder(Compose[..Compose.IndexOf("services:", StringComparison.Ordinal)]).Append("services:\n");
        for (var i = 0; i < 12; i++)
        {
            compose.Append($"  s{i}: {{ image: x, expose: [\"8080\"]{(i > 0 ? $", x-mesh: {{ upstreams: [s{i - 1}] }}" : "")} }}\n");
        }

        var templates = Core.Ecs.Templates.TemplateBuilder.Build(Sc.Plan(compose.ToString()), new Core.Ecs.Templates.SplitLimits { MaxResources = 40 });
        Assert.NotEmpty(templates.Nested);
        var resources = templates.All.SelectMany(d => d.Resources).ToList();
        Assert.DoesNotContain(resources, r => r.Type == "AWS::ServiceDiscovery::PrivateDnsNamespace");
        var records = resources.Where(r => r.Type == "AWS::ServiceDiscovery::Service").ToList();
        Assert.Equal(12, records.Count);
        Assert.All(records, r => Assert.Equal("ns-abcdef0123456789", (string?)Core.Ecs.Templates.TemplateJson.ToNode(r.Properties)!["DnsConfig"]!["NamespaceId"]));
    }

    [Fact]
    public void Without_the_key_the_stack_creates_its_namespace()
    {
        var resources = Sc.Resources(Compose.Replace($"  service_connect:\n    namespace: {{ arn: {Arn} }}\n", "", StringComparison.Ordinal));
        var created = Assert.Single(resources, r => (string?)r.Value!["Type"] == "AWS::ServiceDiscovery::PrivateDnsNamespace");
        Assert.Equal("shared.local", (string?)created.Value!["Properties"]!["Name"]);
        Assert.IsType<JsonObject>(Sc.Connect(resources, "api")!["Namespace"]);
    }

    [Theory]
    [InlineData("arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-abcdef0123456789")]
    [InlineData("arn:aws:servicediscovery:eu-west-1:1234:namespace/ns-abcdef0123456789")]
    [InlineData("ns-abcdef0123456789")]
    [InlineData("arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-ABC")]
    public void A_value_not_of_a_namespace_arns_form_is_a_located_error(string arn)
    {
        var compose = Compose.Replace(Arn, arn, StringComparison.Ordinal);
        Sc.Coded(Sc.Errors(compose), compose, arn, ServiceConnectDiagnosticCodes.InvalidNamespaceArn, Severity.Error);
    }

    [Fact]
    public void Other_partitions_are_namespace_arns_too()
    {
        var arn = "arn:aws-us-gov:servicediscovery:us-gov-west-1:123456789012:namespace/ns-abcdef0123456789";
        Assert.Equal(arn, (string?)Sc.Connect(Sc.Resources(Compose.Replace(Arn, arn, StringComparison.Ordinal)), "api")!["Namespace"]);
    }

    [Fact]
    public void A_namespace_without_arn_is_a_located_error()
    {
        var compose = Compose.Replace($"{{ arn: {Arn} }}", "{ }", StringComparison.Ordinal);
        Sc.Coded(Sc.Errors(compose), compose, "namespace: { }", ServiceConnectDiagnosticCodes.InvalidNamespaceArn, Severity.Error);
    }

    [Fact]
    public void An_existing_namespace_needs_its_name_in_x_mesh_namespace()
    {
        var compose = Compose.Replace("  namespace: shared.local\n", "", StringComparison.Ordinal);
        Sc.Coded(Sc.Errors(compose), compose, "namespace: {", ServiceConnectDiagnosticCodes.ExistingNamespaceNeedsName, Severity.Error);
    }

    [Fact]
    public void An_existing_namespace_needs_the_existing_vpc_it_belongs_to()
    {
        var compose = Compose.Replace(Vpc, "", StringComparison.Ordinal);
        var errors = Sc.Errors(compose);
        Sc.Coded(errors, compose, "namespace: {", ServiceConnectDiagnosticCodes.ExistingNamespaceNeedsVpc, Severity.Error);
        Assert.DoesNotContain(errors, e => e.Code == ServiceConnectDiagnosticCodes.ExistingNamespaceNeedsName);
    }

    [Fact]
    public void Another_backend_ignores_the_section_and_creates_its_namespace()
    {
        using var dir = new Compose2Ecs.Testing.TempDir();
        var plan = Compose2Ecs.Testing.Synth.Plan(dir, Compose, new Core.Ecs.SynthOptions { Mesh = "none" });
        Assert.True(plan.Namespace.Create);
    }
}
