using Compose2Ecs.Testing;

namespace Compose2Ecs.Mesh.Tests.Support;

/// <summary>Runs the whole command line in-process, as a user would, and captures what it prints.</summary>
internal static class CommandLine
{
    public static CliRunner.Result Run(string workingDirectory, params string[] args) => CliRunner.Run(workingDirectory, args);

    /// <summary>Writes <paramref name="yaml"/> as compose.yaml in a fresh directory and returns it.</summary>
    public static string Project(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("c2e-cli-").FullName;
        File.WriteAllText(Path.Combine(dir, "compose.yaml"), yaml);
        return dir;
    }
}
