using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Mesh.Tests.Support;

/// <summary>
/// Writes compose text to a fresh temp directory, loads it through the real loader and reads
/// the mesh; locations in assertions are found by searching the text, so a test says "the
/// error is at this key" rather than counting lines.
/// </summary>
internal static class MeshInput
{
    public static ComposeProject Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("c2e-mesh-").FullName;
        File.WriteAllText(Path.Combine(dir, "compose.yaml"), yaml);
        return ComposeLoader.Load(new LoadOptions
        {
            WorkingDirectory = dir,
            Environment = new Dictionary<string, string>(),
        });
    }

    public static MeshModel Read(string yaml, string? backend = null) => MeshReader.Read(Load(yaml), backend, RegisteredBackends.Specs);

    /// <summary>The errors of an input that must fail.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string yaml, string? backend = null)
    {
        var project = Load(yaml);
        var e = Assert.Throws<InvalidInputException>(() => MeshReader.Read(project, backend, RegisteredBackends.Specs));
        return [.. e.Errors];
    }

    /// <summary>
    /// Asserts that reading fails with an error containing <paramref name="message"/> at the
    /// <paramref name="occurrence"/>-th occurrence of <paramref name="at"/> in the text.
    /// </summary>
    public static Diagnostic ErrorAt(string yaml, string at, string message, string? backend = null, int occurrence = 1)
    {
        var errors = Errors(yaml, backend);
        var (line, column) = Position(yaml, at, occurrence);
        var match = errors.FirstOrDefault(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(match is not null, $"no error containing \"{message}\"; got:\n{string.Join("\n", errors)}");
        Assert.True(match.Location.Line == line && match.Location.Column == column,
            $"expected the error at {line}:{column} (\"{at}\"), got {match.Location.Line}:{match.Location.Column}: {match.Message}");
        return match;
    }

    /// <summary>An unknown-key error at <paramref name="at"/> that lists the valid keys and suggests <paramref name="suggestion"/>.</summary>
    public static Diagnostic UnknownKeyAt(string yaml, string at, string key, string suggestion, string? backend = null)
    {
        var error = ErrorAt(yaml, at, $"unknown key \"{key}\" (valid keys: ", backend);
        Assert.Contains(suggestion, error.Message[..error.Message.IndexOf(')', StringComparison.Ordinal)]);
        Assert.EndsWith($"; did you mean \"{suggestion}\"?", error.Message);
        return error;
    }

    /// <inheritdoc cref="Located.Position"/>
    public static (int Line, int Column) Position(string yaml, string text, int occurrence = 1) => Located.Position(yaml, text, occurrence);
}
