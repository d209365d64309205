using Compose2Ecs.Cli;

namespace Compose2Ecs.Mesh.Tests.Support;

/// <summary>Runs the whole command line in-process, as a user would, and captures what it prints.</summary>
internal static class CommandLine
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new Console2(output, error, workingDirectory) { Environment = new Dictionary<string, string>() });
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Writes <paramref name="yaml"/> as compose.yaml in a fresh directory and returns it.</summary>
    public static string Project(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("c2e-cli-").FullName;
        File.WriteAllText(Path.Combine(dir, "compose.yaml"), yaml);
        return dir;
    }
}
