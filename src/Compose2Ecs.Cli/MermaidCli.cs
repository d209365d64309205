using System.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>
/// Renders Mermaid to SVG or PNG through the Mermaid CLI (<c>mmdc</c>, npm package
/// @mermaid-js/mermaid-cli) when it is on PATH. It is never required: it brings a headless
/// Chromium (about 300 MB), so compose2ecs neither bundles nor installs it.
/// </summary>
public static class MermaidCli
{
    public const string Install = "npm install -g @mermaid-js/mermaid-cli";

    /// <summary>Why rendering failed, with the code to report it under.</summary>
    public sealed record Failure(string Code, string Message);

    /// <summary>
    /// Writes <paramref name="mermaid"/> rendered as <paramref name="format"/> (svg or png) to
    /// <paramref name="output"/> (a full path). <paramref name="environment"/> is the one the command sees; the
    /// child gets it whole (null: this process's own).
    /// </summary>
    public static Failure? Render(string mermaid, string format, string output, IReadOnlyDictionary<string, string>? environment, string workingDirectory)
    {
        var path = environment is null ? Environment.GetEnvironmentVariable("PATH") : environment.GetValueOrDefault("PATH");
        if (Find(path) is not { } mmdc)
        {
            return new Failure(CliDiagnosticCodes.MermaidCliMissing,
                $"graph --format {format} renders through the Mermaid CLI, and \"mmdc\" was not found on PATH; install it ({Install}), or write Mermaid (--format mermaid) and render it elsewhere");
        }

        var input = Path.Combine(Path.GetTempPath(), $"compose2ecs-graph-{Guid.NewGuid():N}.mmd");
        try
        {
            File.WriteAllText(input, mermaid);
            var start = new ProcessStartInfo(mmdc)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-i", input, "-o", output, "-e", format, "--quiet" })
            {
                start.ArgumentList.Add(arg);
            }

            if (environment is not null)
            {
                start.Environment.Clear();
                foreach (var (name, value) in environment)
                {
                    start.Environment[name] = value;
                }
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var said = string.Join(" ", (stderr.Result + stdout.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                var why = process.ExitCode != 0 ? $"exited {process.ExitCode}" : $"wrote no {output}";
                return new Failure(CliDiagnosticCodes.MermaidCliFailed,
                    $"{mmdc} {why}{(said.Length > 0 ? $": {said}" : "")}; check that it runs (mmdc --version; it needs a Chromium it can start), or write Mermaid (--format mermaid)");
            }

            return null;
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The first <c>mmdc</c> in <paramref name="path"/> (on Windows npm installs <c>mmdc.cmd</c>).</summary>
    private static string? Find(string? path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "mmdc.cmd", "mmdc.exe", "mmdc" } : ["mmdc"];
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
