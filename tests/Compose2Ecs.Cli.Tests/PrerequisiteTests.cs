using System.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>A machine without Node.js gets one clear message, not a jsii crash.</summary>
public class PrerequisiteTests
{
    [Fact]
    public async Task Synth_without_node_says_what_to_install_and_exits_3()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compose2ecs.dll"));
        start.ArgumentList.Add("synth");
        start.Environment["JSII_NODE"] = "/nonexistent/node";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(3, process.ExitCode);
        Assert.Equal("", await output);
        Assert.Contains("Node.js 18 or newer is needed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cdk.out")));
    }
}
