using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>
/// Odd-but-legal and hostile values: user text that could be substituted by Fn::Sub, control
/// characters in routes, shell text in Consul hosts, CPU counts past int. Each is a located
/// error with a code (exit 1, nothing written) or is escaped where it lands.
/// </summary>
public sealed class HostileValueTests
{
    private const string Web = "services:\n  web: { image: web, expose: [\"8080\"] }\n";

    [Theory]
    [InlineData("evil$${Evil}")]
    [InlineData("a b")]
    [InlineData("arn:aws:ecs:*:*:cluster/*")]
    public void A_cluster_that_is_not_an_ecs_name_or_arn_is_a_located_error(string cluster)
    {
        using var dir = new TempDir().With("compose.yaml", $"x-mesh:\n  cluster: \"{cluster}\"\n" + Web);
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:2:12: error: x-mesh.cluster:", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3104]", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public void User_text_in_an_fn_sub_template_is_escaped_so_it_is_never_substituted()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, "x-mesh:\n  service_connect: { log_group: \"/shared/x$${AWS::AccountId}\" }\n" + Web, new() { Mesh = "service-connect" });
        var resources = plan.Services.SelectMany(s => s.ExecutionRole.Statements.Concat(s.TaskRole.Statements)).SelectMany(s => s.Resources).Select(r => r.ToString()).ToList();
        Assert.Contains(resources, r => r.Contains("/shared/x${!AWS::AccountId}", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Contains("/shared/x${AWS::AccountId}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("path_prefix: \"/a\\nb\"", "compose.yaml:7:33")]
    [InlineData("headers: { \"x-a\": { exact: \"v\\r\\nSet-Cookie: x\" } }", "compose.yaml:7:47")]
    public void A_control_character_in_a_route_match_is_a_located_error(string match, string location)
    {
        using var dir = new TempDir().With("compose.yaml", $"x-mesh:\n  routes:\n    api:\n      port: 8080\n      rules:\n        - targets: {{ web: 1 }}\n          match: {{ {match} }}\n" + Web);
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "appmesh");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[C2E3105]", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{location}: error: x-mesh.routes.api.rules[0].match.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Set-Cookie", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_a_gateway_path_prefix_is_a_located_error()
    {
        using var dir = new TempDir().With("compose.yaml", "x-mesh:\n  gateway:\n    routes:\n      - { path_prefix: \"/a\\nb\", to: web }\n" + Web);
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "appmesh");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:4:24: error: x-mesh.gateway.routes[0].path_prefix: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3105]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_labels_carry_no_raw_control_character()
    {
        var graph = new MeshGraph(
            [new GraphNode("service:a", GraphNodeKind.Route, ["a\nflowchart LR\n  x-->y"]), new GraphNode("service:b", GraphNodeKind.Route, ["b\r\u0000"])],
            [new GraphEdge("service:a", "service:b", default, "l\nclick a call evil()")]);
        foreach (var text in new[] { MermaidRenderer.Render(graph), DotRenderer.Render(graph, "t") })
        {
            Assert.DoesNotContain("\nflowchart", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\nclick", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain('\0', text);
        }
    }

    [Theory]
    [InlineData("\"$(touch x)\"")]
    [InlineData("\"consul.internal; rm -rf /\"")]
    [InlineData("\"exec=\"")]
    public void Consul_server_hosts_must_be_a_dns_name_an_ip_or_exec(string hosts)
    {
        using var dir = new TempDir().With("compose.yaml", $"x-mesh:\n  consul:\n    servers: {{ hosts: {hosts} }}\n" + Web);
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "consul");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:3:23: error: x-mesh.consul.servers.hosts:", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3104]", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("consul.example.internal")]
    [InlineData("10.0.0.12")]
    [InlineData("\"exec=discover -q addrs provider=aws tag_key=consul\"")]
    public void Consul_server_hosts_in_their_three_forms_are_accepted(string hosts)
    {
        using var dir = new TempDir().With("compose.yaml", $"x-mesh:\n  consul:\n    config_entries: files\n    servers: {{ hosts: {hosts} }}\n" + Web);
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "consul");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Theory]
    [InlineData("cpus: 2097152", "compose.yaml:4:5")]
    [InlineData("cpus: 17", "compose.yaml:4:5")]
    [InlineData("deploy: { resources: { limits: { cpus: \"1e12\" } } }", "compose.yaml:4:38")]
    [InlineData("mem_limit: 8192g", "compose.yaml:4:5")]
    public void Too_much_cpu_or_memory_is_a_located_sizing_error(string resources, string location)
    {
        using var dir = new TempDir().With("compose.yaml", $"services:\n  web:\n    image: web\n    {resources}\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{location}: error: services.web:", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3106]", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }
}
