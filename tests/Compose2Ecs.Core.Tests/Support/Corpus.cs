namespace Compose2Ecs.Core.Tests.Support;

/// <summary>
/// The real compose files in ../shared/compose-corpus, read in place (never copied).
/// Each INDEX.tsv row names a flat file; <c>_trees/</c> keeps it at its original path
/// with its .env, so rows are loaded from there.
/// </summary>
public static class Corpus
{
    public static string Root { get; } = FindRoot();

    public static string Trees => Path.Combine(Root, "_trees");

    public static IReadOnlyList<CorpusEntry> Entries { get; } = ReadIndex();

    public static CorpusEntry Entry(string file) => Entries.Single(e => e.File == file);

    /// <summary>A path inside one project's tree, e.g. Tree("docker-elk", "docker-compose.yml").</summary>
    public static string Tree(string project, string relativePath) => Path.Combine(Trees, project, relativePath);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Compose2Ecs.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Compose2Ecs.sln not found above the test binaries");
    }

    private static string FindRoot()
    {
        var root = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "compose-corpus"));
        return Directory.Exists(root) ? root : throw new InvalidOperationException($"the corpus is expected at {root}");
    }

    private static List<CorpusEntry> ReadIndex()
    {
        var lines = File.ReadAllLines(Path.Combine(FindRoot(), "INDEX.tsv"));
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            var file = cells[Column("file")];
            var project = file[..file.IndexOf("__", StringComparison.Ordinal)];
            return new CorpusEntry(
                file,
                Path.Combine(FindRoot(), "_trees", project, cells[Column("source_path")]),
                int.Parse(cells[Column("n_services")], System.Globalization.CultureInfo.InvariantCulture),
                cells[Column("build_only_services")].Split(';', StringSplitOptions.RemoveEmptyEntries),
                cells[Column("role_notes")]);
        })];
    }
}

public sealed record CorpusEntry(string File, string TreePath, int ServiceCount, IReadOnlyList<string> BuildOnlyServices, string RoleNotes)
{
    public override string ToString() => File;
}
