using System.Text.RegularExpressions;

namespace Compose2Ecs.Testing;

/// <summary>
/// The real compose files in ../shared/compose-corpus, read in place (never copied).
/// Each INDEX.tsv row names a flat file; <c>_trees/</c> keeps it at its original path with
/// its .env, so rows are loaded from there.
/// </summary>
public static partial class Corpus
{
    public static string Root => Paths.Corpus;

    public static IReadOnlyList<CorpusEntry> Entries { get; } = ReadIndex();

    public static CorpusEntry Entry(string file) => Entries.Single(e => e.File == file);

    /// <summary>A path inside one project's tree, e.g. Tree("docker-elk", "docker-compose.yml").</summary>
    public static string Tree(string project, string relativePath) => Path.Combine(Root, "_trees", project, relativePath);

    private static List<CorpusEntry> ReadIndex()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "INDEX.tsv"));
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            var file = cells[Column("file")];
            var tree = Path.Combine(Root, "_trees", file[..file.IndexOf("__", StringComparison.Ordinal)]);
            var path = Path.Combine(tree, cells[Column("source_path")]);
            var notes = cells[Column("role_notes")];
            return new CorpusEntry(
                file,
                path,
                int.Parse(cells[Column("n_services")], System.Globalization.CultureInfo.InvariantCulture),
                cells[Column("build_only_services")].Split(';', StringSplitOptions.RemoveEmptyEntries),
                notes,
                BaseFile(notes, tree, path));
        })];
    }

    /// <summary>For an override or extension file, the base file its role note names, if the tree has it.</summary>
    private static string? BaseFile(string notes, string tree, string path) =>
        Base().Match(notes) is { Success: true } match
            ? new[] { Path.Combine(Path.GetDirectoryName(path)!, match.Groups[1].Value), Path.Combine(tree, match.Groups[1].Value) }.FirstOrDefault(File.Exists)
            : null;

    [GeneratedRegex(@"(?:override of|override layered on|companion file \(-f\) to|extension file \(-f\) for) (\S+)")]
    private static partial Regex Base();
}

/// <param name="File">The flat file's name in INDEX.tsv (also the test case name).</param>
/// <param name="TreePath">The file at its original path under _trees/.</param>
/// <param name="BaseFile">For an override or extension file, the file it layers on.</param>
public sealed record CorpusEntry(string File, string TreePath, int ServiceCount, IReadOnlyList<string> BuildOnlyServices, string RoleNotes, string? BaseFile)
{
    /// <summary>The files to load for a working project: the base first, when there is one.</summary>
    public IReadOnlyList<string> Files => BaseFile is null ? [TreePath] : [BaseFile, TreePath];

    /// <summary>The directory the project loads from (the first file's).</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Files[0])!;

    public override string ToString() => File;
}
