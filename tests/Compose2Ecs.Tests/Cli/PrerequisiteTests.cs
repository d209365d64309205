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
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(3, process.ExitCode);
        Assert.Equal("", await output);
        Assert.Contains("Node.js 18 or newer is needed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cdk.out")));
    }
}

/// <summary>Node.js past its end of life still runs, with a warning that says what to install.</summary>
public class NodeSupportTests
{
    [Fact]
    public void Node_20_after_its_end_of_life_is_a_warning_naming_the_supported_releases()
    {
        var warning = NodeSupport.Warning("v20.20.2", new DateOnly(2026, 12, 2));
        Assert.NotNull(warning);
        Assert.Equal(CliDiagnosticCodes.NodeEndOfLife, warning.Code);
        Assert.Equal(Compose2Ecs.Core.Diagnostics.Severity.Warning, warning.Severity);
        Assert.Contains("22 or 24", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_in_support_has_no_warning()
    {
        Assert.Null(NodeSupport.Warning("v20.20.2", new DateOnly(2026, 1, 1)));
        Assert.Null(NodeSupport.Warning("v24.1.0", new DateOnly(2026, 12, 2)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Node_older_than_18_exits_3_before_any_work()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n").With("node", "#!/bin/sh\necho v16.20.0\n");
        File.SetUnixFileMode(Path.Combine(dir.Path, "node"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compose2ecs.dll"));
        start.ArgumentList.Add("synth");
        start.Environment["JSII_NODE"] = Path.Combine(dir.Path, "node");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(3, process.ExitCode);
        Assert.Contains("Node.js 18 or newer is needed", error, StringComparison.Ordinal);
        Assert.Contains("found v16.20.0", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cdk.out")));
    }
}
