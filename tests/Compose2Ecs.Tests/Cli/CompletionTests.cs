using System.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>completion bash|zsh|fish: scripts made from the command tree, which complete in a real bash.</summary>
public class CompletionTests
{
    private static string Complete(string script, params string[] words)
    {
        using var dir = new TempDir().With("c.bash", script);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        var array = string.Join(' ', words.Select(w => $"'{w}'"));
        start.ArgumentList.Add($"source '{Path.Combine(dir.Path, "c.bash")}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _compose2ecs; printf '%s\\n' \"${{COMPREPLY[@]}}\"");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output;
    }

    [Fact]
    public void Bash_completes_commands_options_and_choices()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "completion", "bash");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("synth\n", Complete(result.Out, "compose2ecs", "sy"));
        Assert.Equal("--mesh\n", Complete(result.Out, "compose2ecs", "synth", "--me"));
        Assert.Equal("appmesh\nconsul\nnone\nservice-connect\n", Complete(result.Out, "compose2ecs", "validate", "--mesh", ""));
        Assert.Equal("json\nyaml\n", Complete(result.Out, "compose2ecs", "synth", "--format", ""));
        Assert.Equal("mermaid\n", Complete(result.Out, "compose2ecs", "graph", "--format", "m"));
    }

    [Fact]
    public void Zsh_wraps_the_bash_function_and_fish_lists_every_command()
    {
        var zsh = CliRunner.Run(Path.GetTempPath(), "completion", "zsh");
        Assert.StartsWith("#compdef compose2ecs\n", zsh.Out, StringComparison.Ordinal);
        Assert.Contains("complete -F _compose2ecs compose2ecs", zsh.Out, StringComparison.Ordinal);

        var fish = CliRunner.Run(Path.GetTempPath(), "completion", "fish");
        Assert.Equal(0, fish.ExitCode);
        foreach (var command in new[] { "config", "synth", "validate", "graph", "migrate", "schema", "backends", "trace", "completion" })
        {
            Assert.Contains($"-n __fish_use_subcommand -a {command} ", fish.Out, StringComparison.Ordinal);
        }

        Assert.Contains("-n '__fish_seen_subcommand_from synth' -l mesh -x -a 'appmesh consul none service-connect'", fish.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "completion", "ksh");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"ksh\" is not one of bash | zsh | fish", result.Error, StringComparison.Ordinal);
    }
}
