namespace Compose2Ecs.Cli.Tests;

public static class Repository
{
    /// <summary>The checkout's root: the folder holding Compose2Ecs.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Compose2Ecs.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Compose2Ecs.sln not found above the test binaries");
    }
}
