using System.Diagnostics;

namespace Compose2Ecs.Testing;

/// <summary>Runs shared/tools/cfn-check over template files or cloud assembly folders.</summary>
public static class CfnCheck
{
    public sealed record Result(int ExitCode, string Output)
    {
        public string Summary => Output.Split('\n').LastOrDefault(l => l.Contains(" passed, ", StringComparison.Ordinal)) ?? Output;
    }

    public static Result Run(params string[] paths)
    {
        var start = new ProcessStartInfo(Paths.CfnCheck) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result + error.Result);
    }

    public static void AssertPasses(params string[] paths)
    {
        var result = Run(paths);
        Xunit.Assert.True(result.ExitCode == 0, $"cfn-check failed:\n{result.Output}");
    }
}
