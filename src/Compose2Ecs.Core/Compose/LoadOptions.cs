using System.Collections.Immutable;

namespace Compose2Ecs.Core.Compose;

/// <summary>What `docker compose` takes on its command line, for loading a project.</summary>
public sealed record LoadOptions
{
    /// <summary>The compose files (<c>-f</c>), layered in order. Empty: look for the default names.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>
    /// Compose files given as text instead of read from disk, layered in order (used in place of
    /// <see cref="Files"/> when not empty). Each name places its file for relative paths
    /// (taken from <see cref="WorkingDirectory"/>) and names it in messages.
    /// </summary>
    public ImmutableArray<ComposeText> Texts { get; init; } = [];

    /// <summary>
    /// The text of <c>-f -</c> (the CLI reads standard input, bounded as files are); shown as
    /// <see cref="StandardInputName"/> in messages and placed in <see cref="WorkingDirectory"/>.
    /// </summary>
    public string? StandardInput { get; init; }

    public const string StandardInputName = "<stdin>";

    /// <summary><c>-p/--project-name</c>: wins over the top-level <c>name</c> and COMPOSE_PROJECT_NAME, as in docker compose.</summary>
    public string? ProjectName { get; init; }

    /// <summary><c>--env-file</c>, repeatable. Empty: <c>.env</c> in the project directory, if present.</summary>
    public ImmutableArray<string> EnvFiles { get; init; } = [];

    /// <summary><c>--profile</c>, repeatable; when given, replaces <c>COMPOSE_PROFILES</c>, as in docker compose.</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary><c>--project-directory</c>. Null: the first file's directory.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>The directory relative paths on the command line are taken from.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The process environment; the shell wins over <c>.env</c>. Tests pass their own.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The names compose looks for when no <c>-f</c> is given, in its order of preference.</summary>
    public static ImmutableArray<string> DefaultFileNames { get; } =
        ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}

/// <summary>A compose file's name and content, for loading compose text that is not on disk.</summary>
public sealed record ComposeText(string Name, string Text);
