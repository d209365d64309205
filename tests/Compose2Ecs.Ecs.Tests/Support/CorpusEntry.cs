using System.Text.RegularExpressions;

namespace Compose2Ecs.Ecs.Tests.Support;

/// <summary>
/// One file of shared/compose-corpus, loaded as its project would load it: from _trees/ (with the
/// project's .env and env files), after its base file when it is an override or companion.
/// </summary>
public sealed partial record CorpusEntry(string Name, string Directory, IReadOnlyList<string> Files)
{
    public override string ToString() => Name;

    public static IReadOnlyList<CorpusEntry> All()
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.Corpus, "INDEX.tsv"));
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);
        var entries = new List<CorpusEntry>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t');
            var root = Path.Combine(Paths.Corpus, "_trees", fields[Column("file")].Split("__")[0]);
            var path = Path.Combine(root, fields[Column("source_path")]);
            var files = new List<string> { path };
            if (Base().Match(fields[Column("role_notes")]) is { Success: true } match)
            {
                var candidates = new[] { Path.Combine(Path.GetDirectoryName(path)!, match.Groups[1].Value), Path.Combine(root, match.Groups[1].Value) };
                if (candidates.FirstOrDefault(File.Exists) is { } basePath)
                {
                    files.Insert(0, basePath);
                }
            }

            entries.Add(new CorpusEntry(fields[Column("file")], Path.GetDirectoryName(files[0])!, files));
        }

        return entries;
    }

    [GeneratedRegex(@"(?:override of|override layered on|companion file \(-f\) to|extension file \(-f\) for) (\S+)")]
    private static partial Regex Base();
}
