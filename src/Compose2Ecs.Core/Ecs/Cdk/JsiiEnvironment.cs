namespace Compose2Ecs.Core.Ecs.Cdk;

/// <summary>
/// Where the jsii runtime writes. The .NET side unpacks the runtime and every library's
/// tarball (about 27 MB with the CLI's asset stand-ins, src/Compose2Ecs.CdkAssetStubs) under <see cref="Path.GetTempPath"/> and never removes them; Node.js
/// unpacks the libraries into a package cache under <c>~/.cache</c>. Before jsii starts, this
/// points TMPDIR at a folder of this process (removed on exit, and on SIGINT/SIGTERM through
/// <see cref="Cleanup"/>) and, when the default cache cannot be written (a read-only HOME),
/// sets <c>JSII_RUNTIME_PACKAGE_CACHE_ROOT</c> (which @jsii/runtime honours) to one under the
/// system temp folder.
/// </summary>
public static class JsiiEnvironment
{
    private static string? _temp;

    /// <summary>Called once, before the first CDK call, under <see cref="JsiiHost.Gate"/>.</summary>
    public static void Configure()
    {
        var systemTemp = Path.GetTempPath();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JSII_RUNTIME_PACKAGE_CACHE_ROOT")) && !CanWrite(DefaultCacheRoot()))
        {
            Environment.SetEnvironmentVariable("JSII_RUNTIME_PACKAGE_CACHE_ROOT", Path.Combine(systemTemp, $"compose2ecs-jsii-cache-{Environment.UserName}"));
        }

        var temp = Path.Combine(systemTemp, $"compose2ecs-jsii-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        _temp = temp;
        Environment.SetEnvironmentVariable("TMPDIR", temp);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup();
    }

    /// <summary>Removes this process's jsii temp folder (the Node.js host ends with us: its stdin closes).</summary>
    public static void Cleanup()
    {
        var temp = Interlocked.Exchange(ref _temp, null);
        if (temp is null)
        {
            return;
        }

        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort at exit.
        }
    }

    /// <summary>@jsii/runtime's default on Linux (and the shape of it elsewhere).</summary>
    private static string DefaultCacheRoot()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "";
        return OperatingSystem.IsMacOS()
            ? Path.Combine(home, "Library", "Caches", "com.amazonaws.jsii", "package-cache")
            : Path.Combine(home, ".cache", "aws", "jsii", "package-cache");
    }

    private static bool CanWrite(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".compose2ecs-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
