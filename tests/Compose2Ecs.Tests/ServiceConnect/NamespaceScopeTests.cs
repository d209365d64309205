using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.ServiceConnect.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>In an imported VPC the default namespace is scoped by --stack-name, and plain callers are told about DHCP search domains.</summary>
public sealed class NamespaceScopeTests
{
    private const string Vpc = """
        name: shop
        x-mesh:
          vpc: { id: vpc-0abc1234, private_subnets: [subnet-00000000000000001, subnet-00000000000000002], public_subnets: [subnet-00000000000000003, subnet-00000000000000004] }
        services:
          api: { image: a, expose: ["8080"] }
          legacy: { image: l, depends_on: [api], x-mesh: false }
        """;

    private static EcsPlan Plan(string compose, string? stackName)
    {
        using var dir = new TempDir();
        return Synth.Plan(dir, compose, new SynthOptions { Mesh = Sc.Mesh, StackName = stackName });
    }

    [Fact]
    public void A_second_stack_in_an_imported_vpc_gets_its_own_namespace_name()
    {
        var plan = Plan(Vpc, "shop-staging");
        Assert.Equal("shop-staging.local", plan.Namespace.Name);
        Sc.Coded(plan.Warnings, Vpc, "vpc:", ServiceConnectDiagnosticCodes.NamespaceScoped, Severity.Warning);
        Sc.Coded(plan.Warnings, Vpc, "vpc:", ServiceConnectDiagnosticCodes.ImportedVpcSearchDomain, Severity.Warning);
    }

    [Fact]
    public void The_default_stack_a_written_namespace_or_a_created_vpc_keep_the_name()
    {
        Assert.Equal("shop.local", Plan(Vpc, null).Namespace.Name);
        Assert.DoesNotContain(Plan(Vpc, null).Warnings, w => w.Code == ServiceConnectDiagnosticCodes.NamespaceScoped);
        Assert.Equal("shared.local", Plan(Vpc.Replace("x-mesh:\n", "x-mesh:\n  namespace: shared.local\n"), "shop-staging").Namespace.Name);
        Assert.Equal("shop.local", Plan(Vpc.Replace("  vpc: { id: vpc-0abc1234, private_subnets: [subnet-00000000000000001, subnet-00000000000000002], public_subnets: [subnet-00000000000000003, subnet-00000000000000004] }\n", "  egress: allow_all\n"), "shop-staging").Namespace.Name);
    }

    [Fact]
    public void A_mesh_service_calling_a_service_without_an_endpoint_needs_the_search_domain_too()
    {
        var compose = Vpc.Replace("  legacy: { image: l, depends_on: [api], x-mesh: false }",
            "  db: { image: postgres, expose: [\"5432\"], x-mesh: false }\n  web: { image: w, expose: [\"80\"], depends_on: [api, db] }", StringComparison.Ordinal);
        Sc.Coded(Plan(compose, null).Warnings, compose, "vpc:", ServiceConnectDiagnosticCodes.ImportedVpcSearchDomain, Severity.Warning);
        Assert.Equal(["web"], NamespaceScope.DnsCallers(Sc.Read(compose)));

        // Calls from clients to endpoints only: the proxies resolve the aliases, no warning.
        var meshOnly = compose.Replace("api, db", "api", StringComparison.Ordinal);
        Assert.DoesNotContain(Plan(meshOnly, null).Warnings, w => w.Code == ServiceConnectDiagnosticCodes.ImportedVpcSearchDomain);
    }

    [Fact]
    public void A_scoped_name_keeps_to_the_63_character_dns_label()
    {
        var name = NamespaceScope.Scoped(new string('a', 100));
        Assert.Equal(63 + ".local".Length, name.Length);
    }
}
