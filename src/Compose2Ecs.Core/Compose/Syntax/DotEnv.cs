using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>
/// Reads <c>.env</c> and <c>env_file</c> files as compose does: <c>KEY=value</c>, optional
/// <c>export </c>, comments, single quotes literal, double quotes with escapes, and
/// unquoted or double-quoted values interpolated from the variables known so far
/// (so a line may use the lines before it).
/// </summary>
public static class DotEnv
{
    public static List<KeyValuePair<string, string?>> Parse(
        string text,
        string file,
        Func<string, SourceLocation, string, string?> interpolate,
        DiagnosticBag diagnostics)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var raw = lines[index];
            var line = raw.Trim();
            var location = new SourceLocation(file, index + 1, raw.Length - raw.TrimStart().Length + 1);
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? line : line[..eq]).Trim();
            if (key.Length == 0 || key.Any(ch => char.IsWhiteSpace(ch)))
            {
                // Never the line's text: an env file (~/.netrc, credentials) may hold a secret, and errors end up in CI logs.
                diagnostics.Error(location, ComposeDiagnosticCodes.EnvFileLine,
                    $"line {location.Line} is not KEY=value: {(key.Length == 0 ? "it has no name before '='" : "its name holds a space")}; write NAME=value, with no space in NAME (or start the line with # to comment it out)");
                continue;
            }

            if (eq < 0)
            {
                // A bare key: its value comes from the environment, if set.
                result.Add(new(key, null));
                continue;
            }

            var rest = line[(eq + 1)..].TrimStart();
            string? value;
            if (rest.StartsWith('\''))
            {
                value = ReadQuoted(rest, '\'', lines, ref index, out _);
                if (value is null)
                {
                    diagnostics.Error(location, ComposeDiagnosticCodes.EnvFileLine, $"line {location.Line}: unterminated single quote in the value of {key}; close it with '");
                    continue;
                }
            }
            else if (rest.StartsWith('"'))
            {
                value = ReadQuoted(rest, '"', lines, ref index, out _);
                if (value is null)
                {
                    diagnostics.Error(location, ComposeDiagnosticCodes.EnvFileLine, $"line {location.Line}: unterminated double quote in the value of {key}; close it with \"");
                    continue;
                }

                value = Unescape(value);
                value = interpolate(value, location, key);
            }
            else
            {
                var hash = rest.IndexOf(" #", StringComparison.Ordinal);
                value = (hash >= 0 ? rest[..hash] : rest).TrimEnd();
                value = interpolate(value, location, key);
            }

            if (value is not null)
            {
                result.Add(new(key, value));
            }
        }

        return result;
    }

    private static string? ReadQuoted(string rest, char quote, string[] lines, ref int index, out int consumed)
    {
        var body = new System.Text.StringBuilder();
        var text = rest[1..];
        consumed = 0;
        while (true)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (quote == '"' && text[i] == '\\' && i + 1 < text.Length)
                {
                    body.Append(text[i]).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (text[i] == quote)
                {
                    return body.ToString();
                }

                body.Append(text[i]);
            }

            // Quoted values may span lines.
            if (index + 1 >= lines.Length)
            {
                return null;
            }

            body.Append('\n');
            text = lines[++index];
            consumed++;
        }
    }

    private static string Unescape(string value) => value
        .Replace("\\n", "\n", StringComparison.Ordinal)
        .Replace("\\t", "\t", StringComparison.Ordinal)
        .Replace("\\\"", "\"", StringComparison.Ordinal)
        .Replace("\\\\", "\\", StringComparison.Ordinal);
}
