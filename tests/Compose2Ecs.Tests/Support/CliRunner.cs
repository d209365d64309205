using Compose2Ecs.Cli;

namespace Compose2Ecs.Testing;

/// <summary>The whole command line in-process, reading what a user would see.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <param name="environment">The process environment the command sees (none of the real one).</param>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new Console2(output, error, workingDirectory) { Environment = environment });
        return new Result(code, output.ToString(), error.ToString());
    }
}
