using Compose2Ecs.Cli;

namespace Compose2Ecs.Cli.Tests;

/// <summary>Runs the command line in-process and captures what a user would see.</summary>
public static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), args);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new Console2(output, error, workingDirectory) { Environment = environment });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error);
