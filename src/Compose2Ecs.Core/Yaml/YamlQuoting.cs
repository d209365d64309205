using System.Text;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// The one double-quoted YAML scalar writer: <c>config</c>'s compose output and the
/// <c>.template.yaml</c> files both quote through it, so a value reads back the same from either.
/// Only what YAML must escape is escaped: <c>"</c>, <c>\</c>, control characters and the YAML 1.1
/// line breaks; everything else is written as it is (UTF-8), which keeps characters outside the
/// Basic Multilingual Plane intact (a JSON-style <c>\uD83D\uDE00</c> pair is not valid YAML).
/// </summary>
internal static class YamlQuoting
{
    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when NeedsEscape(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A character a plain scalar cannot hold and a quoted one writes as <c>\uXXXX</c>: controls and the YAML 1.1 line breaks.</summary>
    public static bool NeedsEscape(char c) => char.IsControl(c) || IsLineBreak(c);

    /// <summary>U+2028, U+2029 and U+0085 break lines in YAML 1.1 (and parsers that follow it): written bare they would not read back.</summary>
    private static bool IsLineBreak(char c) => c is '\u2028' or '\u2029' or '\u0085';
}
