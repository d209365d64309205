using System.Text;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>
/// Reads <c>.env</c> and <c>env_file</c> files as compose-go's dotenv parser does:
/// <c>KEY=value</c> or <c>KEY: value</c>, an optional <c>export</c> prefix (space or tab),
/// comments, single quotes literal (but <c>\'</c>), double quotes with escapes
/// (<c>\a \b \f \n \r \t \v \\ \" \$ \0NNN</c>; others kept as written), values spanning
/// lines inside quotes, and unquoted or double-quoted values interpolated through the
/// caller (so a line may use the lines before it). A key holds letters, digits, '_', '.',
/// '-', '[' and ']'. Errors name the line, never its text: env files hold secrets.
/// </summary>
public static class DotEnv
{
    /// <param name="interpolate">Expands a value (text, where, key); null when it reported an error.</param>
    /// <param name="parsed">Told each entry as it is read, so later lines can see it.</param>
    public static List<KeyValuePair<string, string?>> Parse(
        string text,
        string file,
        Func<string, SourceLocation, string, string?> interpolate,
        DiagnosticBag diagnostics,
        Action<string, string?>? parsed = null)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var raw = lines[index];
            var line = raw.TrimStart();
            var location = new SourceLocation(file, index + 1, raw.Length - line.Length + 1);
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export", StringComparison.Ordinal) && line.Length > 6 && line[6] is ' ' or '\t')
            {
                line = line[6..].TrimStart();
            }

            var separator = line.IndexOfAny(['=', ':']);
            var key = (separator < 0 ? line : line[..separator]).TrimEnd();
            var bad = key.FirstOrDefault(c => !IsKeyChar(c));
            if (key.Length == 0 || bad != default)
            {
                var why = key.Length == 0 ? "it has no name before '='"
                    : char.IsWhiteSpace(bad) ? "its name holds a space"
                    : $"its name holds the character '{bad}' (a name has letters, digits, '_', '.', '-', '[' and ']')";
                diagnostics.Error(location, ComposeDiagnosticCodes.EnvFileLine,
                    $"line {location.Line} is not KEY=value: {why}; write NAME=value (or start the line with # to comment it out)");
                continue;
            }

            string? value;
            if (separator < 0)
            {
                // A bare key: its value comes from the environment, if set.
                value = null;
            }
            else
            {
                var rest = line[(separator + 1)..].TrimStart(' ', '\t');
                if (rest.StartsWith('\'') || rest.StartsWith('"'))
                {
                    var quote = rest[0];
                    var body = ReadQuoted(rest, quote, lines, ref index);
                    if (body is null)
                    {
                        diagnostics.Error(location, ComposeDiagnosticCodes.EnvFileLine,
                            $"line {location.Line}: the value of {key} opens a {(quote == '"' ? "double" : "single")} quote that is never closed; close it with {quote}");
                        continue;
                    }

                    value = quote == '\'' ? body.Replace("\\'", "'", StringComparison.Ordinal) : interpolate(Unescape(body), location, key);
                }
                else
                {
                    var hash = rest.IndexOf(" #", StringComparison.Ordinal);
                    value = interpolate((hash >= 0 ? rest[..hash] : rest).TrimEnd(), location, key);
                    if (value is null)
                    {
                        continue;
                    }
                }

                if (value is null)
                {
                    continue;
                }
            }

            result.Add(new(key, value));
            parsed?.Invoke(key, value);
        }

        return result;
    }

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '[' or ']';

    /// <summary>The text between the quotes (escapes still in), across lines if needed; null when never closed.</summary>
    private static string? ReadQuoted(string rest, char quote, string[] lines, ref int index)
    {
        var body = new StringBuilder();
        var text = rest[1..];
        var line = index;
        while (true)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && (quote == '"' || text[i + 1] == '\''))
                {
                    body.Append(text[i]).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (text[i] == quote)
                {
                    index = line;
                    return body.ToString();
                }

                body.Append(text[i]);
            }

            if (line + 1 >= lines.Length)
            {
                return null;
            }

            body.Append('\n');
            text = lines[++line];
        }
    }

    /// <summary>
    /// Double-quote escapes. <c>\$</c> becomes <c>$$</c>, the interpolator's literal dollar, so
    /// that "foo\${BAR}" is not expanded; an unknown escape stays as written.
    /// </summary>
    private static string Unescape(string value)
    {
        var output = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                output.Append(value[i]);
                continue;
            }

            var next = value[i + 1];
            i++;
            switch (next)
            {
                case 'a': output.Append('\a'); break;
                case 'b': output.Append('\b'); break;
                case 'f': output.Append('\f'); break;
                case 'n': output.Append('\n'); break;
                case 'r': output.Append('\r'); break;
                case 't': output.Append('\t'); break;
                case 'v': output.Append('\v'); break;
                case '\\': output.Append('\\'); break;
                case '"': output.Append('"'); break;
                case '$': output.Append("$$"); break;
                case '0':
                    var digits = 0;
                    var code = 0;
                    while (digits < 3 && i + 1 < value.Length && value[i + 1] is >= '0' and <= '7')
                    {
                        code = (code * 8) + (value[i + 1] - '0');
                        i++;
                        digits++;
                    }

                    output.Append((char)code);
                    break;
                default: output.Append('\\').Append(next); break;
            }
        }

        return output.ToString();
    }
}
