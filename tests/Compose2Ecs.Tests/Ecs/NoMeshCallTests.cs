using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>
/// A file written for a mesh, synthesized with <c>--mesh none</c>: the calls its x-mesh declares
/// still work (security groups per upstream edge, a DNS name per route), and what only a proxy
/// can do is a warning at the route.
/// </summary>
public class NoMeshCallTests
{
    private const string Compose = """
        x-mesh:
          name: shop
          routes:
            api:
              port: 8080
              rules:
                - match: { path_prefix: /v2 }
                  targets: { api-v2: 1 }
                - targets: { api-v1: 90, api-v2: 10 }
        services:
          web:
            image: web
            x-mesh:
              upstreams: [api, ledger]
          api-v1: { image: api, expose: ["8080"] }
          api-v2: { image: api, expose: ["8080"] }
          ledger: { image: ledger, expose: ["9090", "9091"] }
        """;

    private static readonly SynthOptions None = new() { Mesh = "none" };

    [Fact]
    public void Each_upstream_edge_opens_the_targets_listener_to_the_caller_only()
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose, None);

        Assert.Equal(
            [$"web->{LogicalIds.Part("api-v1")}:8080-8080/tcp", $"web->{LogicalIds.Part("api-v2")}:8080-8080/tcp", "web->ledger:9090-9090/tcp"],
            SecurityGroupEdges.Between(output.Template.Resources));
    }

    [Fact]
    public void A_route_is_a_cname_service_with_one_instance_per_target()
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose, None);
        var template = output.Template;
        var ns = output.Plan.Namespace.Name;

        var discovery = template.Properties(LogicalIds.For("api", "RouteDiscovery"));
        Assert.Equal("api", (string?)discovery["Name"]);
        Assert.Equal("WEIGHTED", (string?)discovery["DnsConfig"]!["RoutingPolicy"]);
        Assert.Equal("CNAME", (string?)discovery["DnsConfig"]!["DnsRecords"]![0]!["Type"]);

        var aliases = template.OfType("AWS::ServiceDiscovery::Instance")
            .Select(i => (string?)i.Value["Properties"]!["InstanceAttributes"]!["AWS_INSTANCE_CNAME"])
            .Order(StringComparer.Ordinal);
        Assert.Equal([$"api-v1.{ns}", $"api-v2.{ns}"], aliases);
    }

    [Fact]
    public void What_needs_a_proxy_is_a_warning_at_the_route()
    {
        using var dir = new TempDir();
        var warnings = PureSynth.Yaml(dir, Compose, None).Warnings;

        Located.Coded(warnings, Compose, "api:", EcsDiagnosticCodes.RouteWithoutProxy, Core.Diagnostics.Severity.Warning);
        Assert.DoesNotContain(warnings, w => w.Code == EcsDiagnosticCodes.RoutePortDiffers);
    }

    [Fact]
    public void A_route_port_no_target_listens_on_is_a_warning_at_the_port()
    {
        var compose = Compose.Replace("port: 8080", "port: 80", StringComparison.Ordinal);
        using var dir = new TempDir();
        var warnings = PureSynth.Yaml(dir, compose, None).Warnings;

        Located.Coded(warnings, compose, "80", EcsDiagnosticCodes.RoutePortDiffers, Core.Diagnostics.Severity.Warning);
    }

    [Fact]
    public void An_even_single_rule_route_is_no_warning()
    {
        var compose = """
            x-mesh:
              routes:
                db: { rules: [ { targets: { db-primary: 1 } } ] }
            services:
              app: { image: app, x-mesh: { upstreams: [db] } }
              db-primary: { image: postgres:16, expose: ["5432"] }
            """;
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, compose, None);

        Assert.DoesNotContain(output.Warnings, w => w.Code is EcsDiagnosticCodes.RouteWithoutProxy or EcsDiagnosticCodes.RoutePortDiffers);
        Assert.Contains($"app->{LogicalIds.Part("db-primary")}:5432-5432/tcp", SecurityGroupEdges.Between(output.Template.Resources));
    }
}
