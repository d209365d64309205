using Compose2Ecs.Cli;

namespace Compose2Ecs.Ecs.Tests.Support;

/// <summary>The whole command line in-process, reading what a user would see.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new Console2(output, error, workingDirectory) { Environment = new Dictionary<string, string>() });
        return new Result(code, output.ToString(), error.ToString());
    }
}
