using System.Text;

namespace Compose2Ecs.Testing;

/// <summary>
/// A seeded generator of hostile compose text: it takes a real file and applies line-level
/// mutations (delete, duplicate, swap scalars and collections, wrong types, huge numbers,
/// empty strings, unicode, deep nesting, broken interpolation). Same seed, same cases.
/// </summary>
public sealed class ComposeMutator(int seed)
{
    private static readonly string[] Replacements =
    [
        "", "''", "\"\"", "~", "null", "[]", "{}", "[a, b]", "{ a: 1 }", "-1", "0", "99999999999999999999999",
        "1e400", "NaN", ".inf", "true", "no", "\"${\"", "${UNSET:?boom}", "$$", "${A:-${B:-${C}}}", "\"\\u0000\"",
        "\"ünïcødé ✓ 日本\"", "\"\u202e\"", "&anchor x", "*missing", "!reset", "!override [x]", "|\n  text", ">-",
        "\"80:99999\"", "\"0.0.0.0:-1:80\"", "1.5.5", "\"1h1h1h\"", "-", "? a", "'unterminated",
    ];

    private readonly Random _random = new(seed);

    public string Mutate(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var index = _random.Next(lines.Count);
            switch (_random.Next(8))
            {
                case 0:
                    lines.RemoveAt(index);
                    break;
                case 1:
                    lines.Insert(index, lines[index]); // a duplicate key, most of the time
                    break;
                case 2:
                    lines[index] = ReplaceValue(lines[index]);
                    break;
                case 3:
                    var other = _random.Next(lines.Count);
                    (lines[index], lines[other]) = (lines[other], lines[index]);
                    break;
                case 4:
                    lines[index] = Indentation(lines[index]) + new string(' ', _random.Next(1, 4)) + lines[index].TrimStart();
                    break;
                case 5:
                    lines.Insert(index, Indentation(lines[index]) + DeepNesting(_random.Next(5, 300)));
                    break;
                case 6:
                    lines[index] = lines[index].Length > 0 ? lines[index][.._random.Next(lines[index].Length)] : "x";
                    break;
                default:
                    lines[index] = ReplaceValue(lines[index]) + " # " + Replacements[_random.Next(Replacements.Length)];
                    break;
            }
        }

        return string.Join("\n", lines);
    }

    private string ReplaceValue(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var replacement = Replacements[_random.Next(Replacements.Length)];
        if (colon >= 0)
        {
            return line[..(colon + 2)] + replacement;
        }

        var dash = line.IndexOf("- ", StringComparison.Ordinal);
        return dash >= 0 ? line[..(dash + 2)] + replacement : line + replacement;
    }

    private static string Indentation(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static string DeepNesting(int depth)
    {
        var builder = new StringBuilder("x-deep: ");
        builder.Append('[', depth).Append('1').Append(']', depth);
        return builder.ToString();
    }
}
