using System.Text;
using Compose2Ecs.Cli;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary><c>synth</c> with the stack layout file: where it is read and written, and when it is not.</summary>
public sealed class StackLayoutCliTests
{
    private const string File = StackLayoutFile.DefaultName;

    [Fact]
    public void Synth_writes_the_layout_beside_the_compose_file_and_a_dry_run_writes_nothing()
    {
        using var dir = new TempDir().With("app/compose.yaml", GeneratedProject.Yaml(3));
        var dry = CliRunner.Run(dir.Path, "synth", "-f", "app/compose.yaml", "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.False(System.IO.File.Exists(Path.Combine(dir.Path, "app", File)), "a dry run wrote the layout");

        var run = CliRunner.Run(dir.Path, "synth", "-f", "app/compose.yaml", "-o", "out");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = System.IO.File.ReadAllLines(Path.Combine(dir.Path, "app", File)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["s0000 root root 0", "s0001 root root 0", "s0002 root root 0"], lines);
        Assert.Contains($"synth: stack layout written to {Path.Combine("app", File)}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_layout_stops_synth_at_its_line_and_writes_nothing()
    {
        using var dir = new TempDir().With("compose.yaml", GeneratedProject.Yaml(3)).With(File, "s0000 root root 0\ns0001 root nowhere 0\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{File}:2:12: error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3202]", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void A_rebalance_dry_run_prints_what_would_move_and_writes_nothing()
    {
        // As many services as fit in the root, then 5 more kept out of it: placed from the names, the root's would move.
        using var dir = new TempDir().With("compose.yaml", GeneratedProject.Yaml(LayoutProjects.Grown));
        var placed = StackLayoutFile.Format(LayoutProjects.StickyGrown());
        dir.With("place.txt", placed);

        var result = CliRunner.Run(dir.Path, "synth", "--mesh", "appmesh", "--layout", "place.txt", "--rebalance", "--dry-run");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("rebalance: services.s0000: root -> SecurityGroups", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"rebalance: \d+ resources move; nothing written \(dry run\)", result.Error);
        Assert.Equal(placed, System.IO.File.ReadAllText(Path.Combine(dir.Path, "place.txt")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cdk.out")));
    }

    [Fact]
    public void A_split_application_from_stdin_without_layout_warns_that_placement_is_not_kept()
    {
        using var dir = new TempDir();
        var input = Encoding.UTF8.GetBytes(GeneratedProject.Yaml(60));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["synth", "-f", "-", "--dry-run"], new Console2(output, error, dir.Path)
        {
            Environment = new Dictionary<string, string>(),
            Input = () => new MemoryStream(input),
        });

        Assert.Equal(0, code);
        Assert.Contains("[C2E7003]", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
