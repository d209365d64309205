using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Testing;

/// <summary>Finds diagnostics by where they point in a test's input text (a substring and its occurrence).</summary>
public static class Located
{
    /// <summary>Asserts a diagnostic containing <paramref name="message"/> at the <paramref name="occurrence"/>-th <paramref name="at"/> of the text.</summary>
    public static Diagnostic At(IEnumerable<Diagnostic> diagnostics, string text, string at, string message, Severity severity = Severity.Error, int occurrence = 1)
    {
        var list = diagnostics.ToList();
        var (line, column) = Position(text, at, occurrence);
        var match = list.FirstOrDefault(d => d.Severity == severity && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(match is not null, $"no {severity} containing \"{message}\"; got:\n{string.Join("\n", list)}");
        Assert.True(match.Location.Line == line && match.Location.Column == column,
            $"expected it at {line}:{column} (\"{at}\"), got {match.Location.Line}:{match.Location.Column}: {match.Message}");
        return match;
    }

    /// <summary>Asserts a diagnostic with <paramref name="code"/> at the <paramref name="occurrence"/>-th <paramref name="at"/> of the text.</summary>
    public static Diagnostic Coded(IEnumerable<Diagnostic> diagnostics, string text, string at, string code, Severity severity, int occurrence = 1)
    {
        var list = diagnostics.ToList();
        var (line, column) = Position(text, at, occurrence);
        var match = list.FirstOrDefault(d => d.Severity == severity && d.Code == code && d.Location.Line == line && d.Location.Column == column);
        Assert.True(match is not null, $"no {severity} [{code}] at {line}:{column} (\"{at}\"); got:\n{string.Join("\n", list)}");
        return match;
    }

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th occurrence of <paramref name="text"/> in <paramref name="input"/>.</summary>
    public static (int Line, int Column) Position(string input, string text, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = input.IndexOf(text, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"\"{text}\" (occurrence {occurrence}) is not in the test input");
        }

        var before = input[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}
