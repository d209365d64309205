using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Migration.Tests.Support;

/// <summary>Finds diagnostics by where they point in a test's input.</summary>
internal static class Located
{
    /// <summary>Asserts a diagnostic containing <paramref name="message"/> at the <paramref name="occurrence"/>-th <paramref name="at"/> of the text.</summary>
    public static Diagnostic At(IEnumerable<Diagnostic> diagnostics, string compose, string at, string message, Severity severity = Severity.Error, int occurrence = 1)
    {
        var list = diagnostics.ToList();
        var (line, column) = Position(compose, at, occurrence);
        var match = list.FirstOrDefault(d => d.Severity == severity && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(match is not null, $"no {severity} containing \"{message}\"; got:\n{string.Join("\n", list)}");
        Assert.True(match.Location.Line == line && match.Location.Column == column,
            $"expected it at {line}:{column} (\"{at}\"), got {match.Location.Line}:{match.Location.Column}: {match.Message}");
        return match;
    }

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th occurrence of <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string yaml, string text, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = yaml.IndexOf(text, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"\"{text}\" (occurrence {occurrence}) is not in the test input");
        }

        var before = yaml[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}
