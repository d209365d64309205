using System.Diagnostics;
using System.Globalization;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>
/// The CDK runs in Node.js through jsii. Checking for Node before jsii starts turns a missing
/// or too old Node into one clear message (jsii itself fails with a process error and then
/// crashes on exit).
/// </summary>
public static class NodeRuntime
{
    public const int MinimumMajorVersion = 18;

    private static bool _checked;

    /// <summary>The version <see cref="EnsureAvailable"/> found (<c>v20.11.1</c>); null before.</summary>
    public static string? Version { get; private set; }

    public static void EnsureAvailable()
    {
        if (_checked)
        {
            return;
        }

        // jsii starts JSII_NODE when it is set, else "node" from PATH.
        var node = Environment.GetEnvironmentVariable("JSII_NODE") is { Length: > 0 } custom ? custom : "node";
        var version = ReadVersion(node) ?? throw new PrerequisiteException(
            $"Node.js {MinimumMajorVersion} or newer is needed to synthesize through the AWS CDK, and \"{node}\" was not found on PATH; install Node.js (or set JSII_NODE to its path)");

        var major = int.TryParse(version.TrimStart('v').Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        if (major < MinimumMajorVersion)
        {
            throw new PrerequisiteException($"Node.js {MinimumMajorVersion} or newer is needed to synthesize through the AWS CDK; found {version}");
        }

        Version = version;
        _checked = true;
    }

    private static string? ReadVersion(string node)
    {
        try
        {
            var start = new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
