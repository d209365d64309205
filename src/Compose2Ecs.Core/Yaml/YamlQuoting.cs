using System.Text;

namespace Compose2Ecs.Core.Yaml;

/// <summary>
/// The one YAML scalar writer: <c>config</c>'s compose output, the <c>.template.yaml</c> files and
/// the sections <c>migrate</c> writes all quote through it, so a value reads back the same from each.
/// Only what YAML must escape is escaped: <c>"</c>, <c>\</c>, control characters and the YAML 1.1
/// line breaks; everything else is written as it is (UTF-8), which keeps characters outside the
/// Basic Multilingual Plane intact (a JSON-style <c>\uD83D\uDE00</c> pair is not valid YAML).
/// </summary>
public static class YamlQuoting
{
    /// <summary>
    /// A scalar as YAML reads it back with the same value and type: plain where that is
    /// unambiguous, else double-quoted (a string that would read as a number, a boolean or null,
    /// or that a plain scalar cannot hold). <paramref name="inFlow"/>: it stands in a flow
    /// collection (<c>[a, b]</c>, <c>{ k: v }</c>), where <c>, [ ] { }</c> would end it.
    /// </summary>
    public static string Scalar(ScalarNode scalar, bool inFlow = false)
    {
        if (scalar.Style == ScalarStyle.Plain)
        {
            return scalar.IsNull ? "null" : NeedsQuotes(scalar.Value, inFlow) && scalar.Type == ScalarType.String ? DoubleQuoted(scalar.Value) : scalar.Value;
        }

        return CoreSchema.Resolve(scalar.Value) != ScalarType.String || NeedsQuotes(scalar.Value, inFlow) ? DoubleQuoted(scalar.Value) : scalar.Value;
    }

    /// <summary>Whether <paramref name="value"/>, written plain, would not read back as the same string (its type aside).</summary>
    public static bool NeedsQuotes(string value, bool inFlow = false) =>
        value.Length == 0
        || value != value.Trim()
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':')
        || value.Any(NeedsEscape)
        || (inFlow && value.IndexOfAny([',', '[', ']', '{', '}']) >= 0);

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
