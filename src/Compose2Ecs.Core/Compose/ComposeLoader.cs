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
        var files = FindFiles(options, environment);
        var projectDirectory = options.ProjectDirectory is { } dir
            ? Path.GetFullPath(dir, options.WorkingDirectory)
            : files[0].Directory;

        var variables = Variables.Resolve(environment, EnvFiles(options, projectDirectory), diagnostics);
        diagnostics.ThrowIfErrors();

        var loader = new FileLoader(variables, diagnostics);
        MappingNode? root = null;
        foreach (var file in files)
        {
            var layer = loader.Load(file);
            root = root is null ? layer : Merger.MergeProjects(root, layer);
        }

        diagnostics.ThrowIfErrors();
        root ??= MappingNode.Empty(new SourceLocation(files[0].DisplayPath, 1, 1));

        var name = options.ProjectName is { } given ? CommandLineName(given, diagnostics) : ProjectName(root, variables, projectDirectory, diagnostics);
        root = root.With("name", ScalarNode.String(name, root.Location));

        root = new ProjectDefaults(variables, projectDirectory, diagnostics).Apply(root);
        var profiles = EnabledProfiles(options, variables);
        root = ProfileFilter.Apply(root, profiles, out var disabled);
        root = new EnvironmentResolver(variables, diagnostics).Apply(root);
        ClearTextSecrets.Check(root, projectDirectory, diagnostics);
        root = ProjectValidator.Validate(root, disabled, diagnostics);
        diagnostics.ThrowIfErrors();

        return ProjectBinder.Bind(name, projectDirectory, [.. files.Select(f => f.DisplayPath)], root, [.. diagnostics.Warnings]);
    }

    private static List<ComposeFile> FindFiles(LoadOptions options, IReadOnlyDictionary<string, string> environment)
    {
        if (!options.Texts.IsEmpty)
        {
            return [.. options.Texts.Select(t => new ComposeFile(Path.GetFullPath(t.Name, options.WorkingDirectory), t.Name, t.Text))];
        }

        var named = options.Files;
        if (named.IsEmpty && environment.TryGetValue("COMPOSE_FILE", out var fromEnvironment) && fromEnvironment.Length > 0)
        {
            // As docker compose does: COMPOSE_FILE lists files separated by COMPOSE_PATH_SEPARATOR (':' here).
            var separator = environment.TryGetValue("COMPOSE_PATH_SEPARATOR", out var s) && s.Length > 0 ? s : ":";
            named = [.. fromEnvironment.Split(separator, StringSplitOptions.RemoveEmptyEntries)];
        }

        if (!named.IsEmpty)
        {
            var result = new List<ComposeFile>();
            foreach (var file in named)
            {
                if (file == "-")
                {
                    result.Add(new ComposeFile(Path.Combine(options.WorkingDirectory, LoadOptions.StandardInputName), LoadOptions.StandardInputName, options.StandardInput ?? ""));
                    continue;
                }

                var full = Path.GetFullPath(file, options.WorkingDirectory);
                if (!File.Exists(full))
                {
                    throw new InvalidInputException(new SourceLocation(file, 0, 0), "compose file not found; check the path given with -f");
                }

                result.Add(new ComposeFile(full, file));
            }

            return result;
        }

        var searchIn = options.ProjectDirectory is { } dir ? Path.GetFullPath(dir, options.WorkingDirectory) : options.WorkingDirectory;
        foreach (var name in LoadOptions.DefaultFileNames)
        {
            var full = Path.Combine(searchIn, name);
            if (File.Exists(full))
            {
                return [new ComposeFile(full, Path.GetRelativePath(options.WorkingDirectory, full))];
            }
        }

        throw new InvalidInputException(SourceLocation.None,
            $"no compose file found in {searchIn}; looked for {string.Join(", ", LoadOptions.DefaultFileNames)}. Name one with -f FILE");
    }

    private static IEnumerable<(string Path, string Display, bool Required)> EnvFiles(LoadOptions options, string projectDirectory)
    {
        if (options.EnvFiles.IsEmpty)
        {
            var dotEnv = Path.Combine(projectDirectory, ".env");
            return [(dotEnv, Path.GetRelativePath(options.WorkingDirectory, dotEnv), false)];
        }

        return options.EnvFiles.Select(f => (Path.GetFullPath(f, options.WorkingDirectory), f, true));
    }

    private static HashSet<string> EnabledProfiles(LoadOptions options, IReadOnlyDictionary<string, string> variables)
    {
        var profiles = new HashSet<string>(options.Profiles, StringComparer.Ordinal);
        if (variables.TryGetValue("COMPOSE_PROFILES", out var fromEnvironment))
        {
            profiles.UnionWith(fromEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return profiles;
    }

    /// <summary>The top-level <c>name</c>, else COMPOSE_PROJECT_NAME, else the project directory's name; normalized as compose does.</summary>
    private static string ProjectName(MappingNode root, IReadOnlyDictionary<string, string> variables, string projectDirectory, DiagnosticBag diagnostics)
    {
        if (root.Find("name") is { } entry)
        {
            if (entry.Value is ScalarNode { IsNull: false } named)
            {
                if (!ValidName().IsMatch(named.Value))
                {
                    diagnostics.Error(named.Location, $"name: \"{named.Value}\" is not a valid project name; use lowercase letters, digits, '-' and '_', starting with a letter or digit");
                }

                return named.Value;
            }

            diagnostics.Error(entry.Value.Location, $"name: must be a string, not {entry.Value.KindName}");
            return "project";
        }

        if (variables.TryGetValue("COMPOSE_PROJECT_NAME", out var fromEnvironment) && fromEnvironment.Length > 0)
        {
            return Sanitize(fromEnvironment);
        }

        return Sanitize(Path.GetFileName(projectDirectory.TrimEnd('/', '\\')));
    }

    private static string CommandLineName(string name, DiagnosticBag diagnostics)
    {
        if (!ValidName().IsMatch(name))
        {
            diagnostics.Error(SourceLocation.None, $"-p/--project-name: \"{name}\" is not a valid project name; use lowercase letters, digits, '-' and '_', starting with a letter or digit");
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
