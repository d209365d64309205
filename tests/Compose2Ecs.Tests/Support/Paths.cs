namespace Compose2Ecs.Testing;

/// <summary>The repository and the shared inputs beside it (../shared in CI).</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>shared/ (compose corpus, cfn-check): beside the repository, or beside the folder of worktrees.</summary>
    public static string Shared { get; } = FindShared();

    public static string Corpus => Path.Combine(Shared, "compose-corpus");

    public static string CfnCheck => Path.Combine(Shared, "tools", "cfn-check", "cfn-check");

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compose2Ecs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Compose2Ecs.sln) above " + AppContext.BaseDirectory);
    }

    private static string FindShared()
    {
        if (Environment.GetEnvironmentVariable("COMPOSE2ECS_SHARED") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "compose-corpus")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"cannot find shared/compose-corpus beside {RepoRoot}; set COMPOSE2ECS_SHARED");
    }
}
