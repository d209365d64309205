using System.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>Progress a CI log can show (a line per stage), and a terminal left as it was found.</summary>
public class ProgressTests
{
    [Fact]
    public void Without_a_terminal_synth_prints_a_line_per_stage_and_no_escapes()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n    restart: always\n");
        var result = CliRunner.Run(dir.Path, "synth", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^\[\s*\d+\.\d s\] loading the compose files$", result.Error);
        Assert.Matches(@"(?m)^\[\s*\d+\.\d s\] planning 1 services$", result.Error);
        Assert.Matches(@"(?m)^\[\s*\d+\.\d s\] done$", result.Error);
        Assert.DoesNotContain("\u001b", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_run_does_not_say_done_and_quiet_says_nothing()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    ports: [\"80:99999\"]\n");
        var failed = CliRunner.Run(dir.Path, "synth", "--dry-run");
        Assert.Equal(1, failed.ExitCode);
        Assert.DoesNotContain("] done", failed.Error, StringComparison.Ordinal);
        var quiet = CliRunner.Run(dir.Path, "synth", "--dry-run", "-q");
        Assert.DoesNotContain("] loading", quiet.Error, StringComparison.Ordinal);
    }

    /// <summary>On a terminal (script(1) gives one), .NET's console would send keypad-transmit (ESC [?1h ESC =) and never undo it.</summary>
    [Fact]
    public async Task On_a_terminal_no_keypad_transmit_sequence_is_left_behind()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n");
        var start = new ProcessStartInfo("script") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-qec", $"dotnet {Path.Combine(AppContext.BaseDirectory, "compose2ecs.dll")} validate", "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Contains("ok: 1 services", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[?1h", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b=", output, StringComparison.Ordinal);
    }
}
