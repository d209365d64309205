using System.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// <c>compose2ecs … | head</c>: when standard output's reader goes away, the tool stops as
/// docker compose and git do, with 141 (128 + SIGPIPE) and nothing on stderr, never a stack trace.
/// The reader is bash's <c>:</c>, which exits at once, long before .NET has started and written.
/// </summary>
public class ClosedPipeTests
{
    [Theory]
    [InlineData("help", "synth")]
    [InlineData("config")]
    [InlineData("graph")]
    public async Task A_closed_standard_output_ends_the_command_quietly_with_141(params string[] args)
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web: { image: nginx, expose: [\"80\"], depends_on: [api] }\n  api: { image: api, expose: [\"80\"] }\n");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = dir.Path, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("dotnet \"$0\" \"$@\" | :; echo \"status=${PIPESTATUS[0]}\" >&2");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compose2ecs.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal("status=141", error.Trim());
    }
}
