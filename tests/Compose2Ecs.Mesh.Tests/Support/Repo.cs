namespace Compose2Ecs.Mesh.Tests.Support;

/// <summary>Finds the repository (where Compose2Ecs.sln is) and the shared inputs beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "Compose2Ecs.sln")))
        ?? throw new InvalidOperationException("Compose2Ecs.sln not found above the test binaries");

    /// <summary>
    /// shared/ is beside the repository in CI (a clone with ../shared); a worktree may sit deeper,
    /// so the nearest ancestor with shared/compose-corpus wins.
    /// </summary>
    public static string Shared { get; } = FindUp(Root, d => Directory.Exists(Path.Combine(d, "shared", "compose-corpus"))) is { } dir
        ? Path.Combine(dir, "shared")
        : throw new InvalidOperationException($"no shared/compose-corpus beside {Root} or above it");

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
