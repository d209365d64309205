using System.Diagnostics;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// `dotnet pack` makes the tool package, and the installed tool runs, `synth` included. It packs
/// the Debug build the test run has just made (`--no-build`): what goes into the package does not
/// depend on the configuration, and a Release build here cost a minute and a half of the suite.
/// The Release package the README describes is made by .ci/run. Slow still (a pack, an install
/// and a synth: half a minute of a loaded suite), so it is one test that checks the whole path,
/// and it runs at the full depth, as CI runs the suite.
/// </summary>
public class PackagingTests
{
    [FullDepthFact]
    public void The_packed_tool_installs_and_runs()
    {
        var root = Paths.RepoRoot;
        using var work = new TempDir();
        var packages = Path.Combine(work.Path, "packages");
        var tools = Path.Combine(work.Path, "tools");

        var pack = Run("dotnet", root, "pack", Path.Combine(root, "src", "Compose2Ecs.Cli"), "-c", "Debug", "--no-build", "-o", packages, "--nologo");
        Assert.True(pack.Code == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(packages, "Compose2Ecs.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["Compose2Ecs.".Length..];

        var install = Run("dotnet", root, "tool", "install", "--tool-path", tools, "--add-source", packages, "Compose2Ecs", "--version", version);
        Assert.True(install.Code == 0, install.Output);

        var tool = Path.Combine(tools, "compose2ecs");
        var versionRun = Run(tool, root, "--version");
        Assert.Equal(0, versionRun.Code);
        Assert.Equal(version, versionRun.Output.Trim());

        var config = Run(tool, root, "config", "-f", Path.Combine("examples", "quickstart", "compose.yaml"));
        Assert.True(config.Code == 0, config.Output);
        Assert.Contains("name: quickstart", config.Output, StringComparison.Ordinal);

        // The Lambda-layer assets are stand-ins (src/Compose2Ecs.CdkAssetStubs), and the CDK runs with them.
        foreach (var asset in new[] { "Amazon.CDK.Asset.AwsCliV1.dll", "Amazon.CDK.Asset.KubectlV20.dll" })
        {
            var shipped = Assert.Single(Directory.GetFiles(tools, asset, SearchOption.AllDirectories));
            Assert.InRange(new FileInfo(shipped).Length, 1, 64 * 1024);
        }

        // A copy, so that the stack layout synth writes beside the compose file stays out of the checkout.
        var project = Directory.CreateDirectory(Path.Combine(work.Path, "quickstart")).FullName;
        File.Copy(Path.Combine(root, "examples", "quickstart", "compose.yaml"), Path.Combine(project, "compose.yaml"));
        var output = Path.Combine(work.Path, "cdk.out");
        var synth = Run(tool, project, "synth", "-q", "--mesh", "none", "-o", output);
        Assert.True(synth.Code == 0, synth.Output);
        Assert.True(File.Exists(Path.Combine(output, "quickstart.template.json")), synth.Output);
    }

    private static (int Code, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's own MSBuild settings must not leak into the nested build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 5 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

}
