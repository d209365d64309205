using System.Text;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>graph: a neighbourhood with --service/--depth, Mermaid's edge limit, loopback ports, --mesh none.</summary>
public class GraphCommandTests
{
    // a -> b -> c -> d (depends_on), e alone; a published on all interfaces, e on the loopback only.
    private const string Chain = """
        services:
          a: { image: a, expose: ["80"], ports: ["8080:80"], depends_on: [b] }
          b: { image: b, expose: ["80"], depends_on: [c] }
          c: { image: c, expose: ["80"], depends_on: [d] }
          d: { image: d, expose: ["80"] }
          e: { image: e, expose: ["80"], ports: ["127.0.0.1:9090:80"] }
        """;

    [Fact]
    public void Service_and_depth_draw_a_neighbourhood()
    {
        using var dir = new TempDir().With("compose.yaml", Chain);
        var one = CliRunner.Run(dir.Path, "graph", "--service", "b");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("s_a -.->", one.Out, StringComparison.Ordinal);
        Assert.Contains("s_b -.->", one.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s_d", one.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("internet", one.Out, StringComparison.Ordinal);

        var two = CliRunner.Run(dir.Path, "graph", "--service", "b", "--depth", "2");
        Assert.Contains("s_c -.->", two.Out, StringComparison.Ordinal);
        Assert.Contains("internet -->", two.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s_e", two.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_service_is_a_usage_error_with_a_suggestion()
    {
        using var dir = new TempDir().With("compose.yaml", Chain.Replace("  d:", "  db:", StringComparison.Ordinal).Replace("[d]", "[db]", StringComparison.Ordinal));
        var result = CliRunner.Run(dir.Path, "graph", "--service", "dc");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--service: no service \"dc\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run(dir.Path, "graph", "--service", "a", "--depth", "0").ExitCode);
    }

    [Fact]
    public void Loopback_ports_are_not_drawn_as_reachable_from_the_internet()
    {
        using var dir = new TempDir().With("compose.yaml", Chain);
        var result = CliRunner.Run(dir.Path, "graph");
        Assert.Contains("internet -->|\"8080:80\"| s_a", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("9090", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_mesh_nodes_are_not_labelled_plain()
    {
        using var dir = new TempDir().With("compose.yaml", Chain);
        var result = CliRunner.Run(dir.Path, "graph", "--mesh", "none");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("s_a[\"a<br/>:80\"]", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("plain", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_over_mermaids_limit_says_so_and_suggests_service()
    {
        // 510 callers of one service: 510 arrows.
        var compose = new StringBuilder("services:\n  hub: { image: hub, expose: [\"80\"] }\n");
        for (var i = 0; i < 510; i++)
        {
            compose.Append($"  s{i}: {{ image: s, depends_on: [hub] }}\n");
        }

        using var dir = new TempDir().With("compose.yaml", compose.ToString());
        var result = CliRunner.Run(dir.Path, "graph", "--diagnostics-format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"code\":\"C2E7001\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("--service", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("C2E7001", CliRunner.Run(dir.Path, "graph", "--format", "dot").Error, StringComparison.Ordinal);
        Assert.DoesNotContain("C2E7001", CliRunner.Run(dir.Path, "graph", "--service", "s1").Error, StringComparison.Ordinal);
    }
}
