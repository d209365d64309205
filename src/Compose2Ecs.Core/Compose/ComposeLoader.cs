using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Compose.Stages;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose;

/// <summary>
/// Loads compose files the way Docker Compose does (compose-go's order of stages):
/// parse → interpolate → normalize → include/extends → merge the <c>-f</c> layers →
/// profiles → environment (env_file, bare keys) → validate → typed project.
/// Bad input throws <see cref="InvalidInputException"/> with every error found.
/// </summary>
public static partial class ComposeLoader
{
    public static ComposeProject Load(LoadOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var environment = options.Environment ?? LoadOptions.ProcessEnvironment();
        var files = ProjectFiles.Find(options, environment, diagnostics);
        var projectDirectory = options.ProjectDirectory is { } dir
            ? Path.GetFullPath(dir, options.WorkingDirectory)
            : files[0].Directory;

        var variables = Variables.Resolve(environment, EnvFiles(options, projectDirectory), diagnostics);
        diagnostics.ThrowIfErrors();

        // The name comes before interpolation: files may use ${COMPOSE_PROJECT_NAME}.
        var name = options.ProjectName is { } given
            ? CheckedName(given, "-p/--project-name", SourceLocation.None, diagnostics)
            : ProjectName(files, variables, projectDirectory, diagnostics);
        diagnostics.ThrowIfErrors();
        variables["COMPOSE_PROJECT_NAME"] = name;

        var loader = new FileLoader(variables, diagnostics);
        MappingNode? root = null;
        for (var i = 0; i < files.Count; i++)
        {
            var layer = loader.Load(i == 0 ? files[i] : files[i] with { IsOverride = true });
            root = root is null ? layer : Merger.MergeProjects(root, layer);
        }

        diagnostics.ThrowIfErrors();
        if (root is null || root.Entries.IsEmpty)
        {
            // An empty override is fine; a project with nothing in any file is not, as in compose-go.
            throw new InvalidInputException(new SourceLocation(files[0].DisplayPath, 1, 1), ComposeDiagnosticCodes.NotACompose, "the compose file is empty; it needs at least \"services\" (or name, include, ...)");
        }

        root = root.With("name", ScalarNode.String(name, root.Find("name")?.Value.Location ?? root.Location));

        root = new ProjectDefaults(variables, projectDirectory, diagnostics).Apply(root);
        var profiles = EnabledProfiles(options, variables);
        root = ProfileFilter.Apply(root, profiles, out var disabled);
        root = new EnvironmentResolver(variables, diagnostics).Apply(root);
        ClearTextSecrets.Check(root, projectDirectory, diagnostics);
        root = ProjectValidator.Validate(root, disabled, diagnostics);
        diagnostics.ThrowIfErrors();

        return ProjectBinder.Bind(name, projectDirectory, [.. files.Select(f => f.DisplayPath)], root, [.. diagnostics.Warnings]);
    }

    internal static IEnumerable<(string Path, string Display, bool Required)> EnvFiles(LoadOptions options, string projectDirectory)
    {
        if (options.EnvFiles.IsEmpty)
        {
            var dotEnv = Path.Combine(projectDirectory, ".env");
            return [(dotEnv, Path.GetRelativePath(options.WorkingDirectory, dotEnv), false)];
        }

        return options.EnvFiles.Select(f => (Path.GetFullPath(f, options.WorkingDirectory), f, true));
    }

    /// <summary>--profile when given (it replaces COMPOSE_PROFILES, as in docker compose), else COMPOSE_PROFILES.</summary>
    private static HashSet<string> EnabledProfiles(LoadOptions options, IReadOnlyDictionary<string, string> variables)
    {
        if (!options.Profiles.IsEmpty)
        {
            return new HashSet<string>(options.Profiles, StringComparer.Ordinal);
        }

        return variables.TryGetValue("COMPOSE_PROFILES", out var fromEnvironment)
            ? new HashSet<string>(fromEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// As docker compose: COMPOSE_PROJECT_NAME (shell or .env), else the top-level <c>name</c>
    /// (the last file that sets one; interpolated), else the project directory's name, normalized.
    /// A name given by the user must already be valid.
    /// </summary>
    private static string ProjectName(IReadOnlyList<ComposeFile> files, IReadOnlyDictionary<string, string> variables, string projectDirectory, DiagnosticBag diagnostics)
    {
        if (variables.TryGetValue("COMPOSE_PROJECT_NAME", out var fromEnvironment) && fromEnvironment.Length > 0)
        {
            return CheckedName(fromEnvironment, "COMPOSE_PROJECT_NAME", SourceLocation.None, diagnostics);
        }

        string? named = null;
        foreach (var file in files)
        {
            if (FileParser.Parse(file).Find("name") is not { } entry)
            {
                continue;
            }

            if (entry.Value is not ScalarNode { IsNull: false, Type: ScalarType.String } scalar)
            {
                diagnostics.Error(entry.Value.Location, ComposeDiagnosticCodes.ProjectName, $"name: must be a string, not {entry.Value.KindName}; quote it");
                continue;
            }

            var text = new Interpolator(variables, new DiagnosticBag()).Substitute(scalar.Value, scalar.Location) ?? scalar.Value;
            named = CheckedName(text, "name", scalar.Location, diagnostics);
        }

        return named ?? Sanitize(Path.GetFileName(projectDirectory.TrimEnd('/', '\\')));
    }

    private static string CheckedName(string name, string what, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (!ValidName().IsMatch(name))
        {
            diagnostics.Error(at, ComposeDiagnosticCodes.ProjectName, $"{what}: \"{name}\" is not a valid project name; use lowercase letters, digits, '-' and '_', starting with a letter or digit");
        }

        return name;
    }

    private static string Sanitize(string name)
    {
        var cleaned = InvalidChars().Replace(name.ToLowerInvariant(), "");
        cleaned = cleaned.TrimStart('-', '_');
        return cleaned.Length > 0 ? cleaned : "project";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex InvalidChars();
}
