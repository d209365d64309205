using System.Diagnostics;
using System.Runtime.InteropServices;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// synth as a separate process, through the CDK (a few seconds each, so few): an earlier
/// assembly replaced, SIGTERM mid-synth, a HOME that cannot be written.
/// </summary>
public class SynthProcessTests
{
    private const string Compose = "name: shop\nservices:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static ProcessStartInfo Start(string cwd, IDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(Paths.RepoRoot, "src", "Compose2Ecs.Cli", "bin", "Debug", "net10.0", "compose2ecs.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static (int Code, string Error) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(Timeout), "synth did not end");
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void An_earlier_assembly_is_replaced_and_the_summary_names_the_deploy_command()
    {
        using var dir = new TempDir().With("compose.yaml", Compose)
            .With("cdk.out/stale.template.json", "{}").With($"cdk.out/{AssemblyMarker.FileName}", AssemblyMarker.Content);
        var (code, error) = Run(Start(dir.Path, null, "synth"));
        Assert.True(code == 0, error);
        Assert.False(File.Exists(dir.Sub("cdk.out/stale.template.json")));
        Assert.True(File.Exists(dir.Sub($"cdk.out/{AssemblyMarker.FileName}")));
        var template = File.ReadAllText(dir.Sub("cdk.out/shop.template.json"));
        Assert.DoesNotContain("\n", template, StringComparison.Ordinal);
        Assert.Contains("deploy: cdk deploy --app cdk.out", error, StringComparison.Ordinal);
        // Beside the output, only the stack layout that keeps services in their stacks (docs/synth.md).
        Assert.Equal(["cdk.out", "compose.yaml", StackLayoutFile.DefaultName], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [FullDepthFact] // unpacks the CDK's libraries into an empty cache: a quarter of a minute
    public void A_home_that_cannot_be_written_works()
    {
        // Root ignores file modes; a HOME below a regular file cannot be created by anyone.
        using var dir = new TempDir().With("compose.yaml", Compose).With("file", "");
        var environment = new Dictionary<string, string> { ["HOME"] = dir.Sub("file/home"), ["TMPDIR"] = dir.Sub("tmp") };
        Directory.CreateDirectory(dir.Sub("tmp"));
        var start = Start(dir.Path, environment, "synth", "-o", "out");
        start.Environment.Remove("JSII_RUNTIME_PACKAGE_CACHE_ROOT");
        var (code, error) = Run(start);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(dir.Sub("out/shop.template.json")));

        // The jsii runtime's unpacked libraries are gone; only the package cache stays.
        Assert.All(Directory.GetFileSystemEntries(dir.Sub("tmp")), e => Assert.StartsWith("compose2ecs-jsii-cache-", Path.GetFileName(e), StringComparison.Ordinal));
        DeleteWhenNodeIsDone(dir.Sub("tmp"));
    }

    /// <summary>Node.js may still be closing cache files for a moment after the CLI exited: retry, bounded.</summary>
    private static void DeleteWhenNodeIsDone(string directory)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Yield();
            }
            catch (IOException)
            {
                // Cleanup only (on a loaded machine Node.js can take longer to close the
                // package cache): what this test proves was asserted above.
                return;
            }
        }
    }

    [Fact]
    public async Task Sigterm_mid_synth_leaves_the_earlier_assembly_no_staging_and_no_node()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var dir = new TempDir().With("compose.yaml", Compose)
            .With("cdk.out/shop.template.json", "{}").With($"cdk.out/{AssemblyMarker.FileName}", AssemblyMarker.Content);
        var before = OutputFolderTests.Hash(dir.Path);
        using var process = Process.Start(Start(dir.Path, null, "synth"))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // Interrupt once the staging folder exists and Node.js runs the CDK.
        var deadline = DateTime.UtcNow + Timeout;
        int[] node = [];
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            node = Children(process.Id);
            if (node.Length > 0 && Directory.GetDirectories(dir.Path, ".cdk.out.compose2ecs-staging-*").Length > 0)
            {
                break;
            }

            Thread.Yield();
        }

        Assert.NotEmpty(node);
        Assert.Equal(0, kill(process.Id, 15));
        Assert.True(process.WaitForExit(Timeout));
        Assert.True(process.ExitCode == 143, await output + await error);
        Assert.Equal(before, OutputFolderTests.Hash(dir.Path));
        var gone = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (node.Any(p => Directory.Exists($"/proc/{p}")) && DateTime.UtcNow < gone)
        {
            Thread.Yield();
        }

        Assert.DoesNotContain(node, p => Directory.Exists($"/proc/{p}"));
    }

    private static int[] Children(int pid)
    {
        try
        {
            return [.. Directory.GetDirectories($"/proc/{pid}/task")
                .SelectMany(t => File.ReadAllText(Path.Combine(t, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse)];
        }
        catch (IOException)
        {
            return [];
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int kill(int pid, int signal);
}
