using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Which compose files make the project, as docker compose chooses them: the <c>-f</c> files;
/// else COMPOSE_FILE (from the shell or the project's <c>.env</c>); else the first default name
/// found in the directory or, failing that, its parents, with its override file
/// (<c>compose.override.yaml</c>, <c>docker-compose.override.yml</c>) layered over it.
/// </summary>
internal static class ProjectFiles
{
    private static readonly string[] OverrideFileNames =
        ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

    public static List<ComposeFile> Find(LoadOptions options, IReadOnlyDictionary<string, string> environment, DiagnosticBag diagnostics)
    {
        if (!options.Texts.IsEmpty)
        {
            return [.. options.Texts.Select(t => new ComposeFile(Path.GetFullPath(t.Name, options.WorkingDirectory), t.Name, t.Text))];
        }

        var searchIn = options.ProjectDirectory is { } dir ? Path.GetFullPath(dir, options.WorkingDirectory) : options.WorkingDirectory;
        var named = options.Files;
        if (named.IsEmpty)
        {
            // COMPOSE_FILE may come from the .env of the directory compose runs in.
            var variables = Variables.Resolve(environment, ComposeLoader.EnvFiles(options, searchIn), new DiagnosticBag());
            if (variables.TryGetValue("COMPOSE_FILE", out var fromEnvironment) && fromEnvironment.Length > 0)
            {
                // As docker compose does: COMPOSE_FILE lists files separated by COMPOSE_PATH_SEPARATOR (':' here).
                var separator = variables.TryGetValue("COMPOSE_PATH_SEPARATOR", out var s) && s.Length > 0 ? s : ":";
                named = [.. fromEnvironment.Split(separator, StringSplitOptions.RemoveEmptyEntries)];
            }
        }

        return named.IsEmpty ? Search(options, searchIn) : Named(options, named);
    }

    private static List<ComposeFile> Named(LoadOptions options, IEnumerable<string> named)
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
                throw new InvalidInputException(new SourceLocation(file, 0, 0), ComposeDiagnosticCodes.FileNotFound, "compose file not found; check the path given with -f");
            }

            result.Add(new ComposeFile(full, file));
        }

        return result;
    }

    private static List<ComposeFile> Search(LoadOptions options, string searchIn)
    {
        for (var directory = searchIn; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var main = LoadOptions.DefaultFileNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
            if (main is null)
            {
                continue;
            }

            var files = new List<ComposeFile> { new(main, Path.GetRelativePath(options.WorkingDirectory, main)) };
            if (OverrideFileNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists) is { } overrideFile)
            {
                files.Add(new ComposeFile(overrideFile, Path.GetRelativePath(options.WorkingDirectory, overrideFile)));
            }

            return files;
        }

        throw new InvalidInputException(SourceLocation.None, ComposeDiagnosticCodes.FileNotFound,
            $"no compose file found in {searchIn} or its parents; looked for {string.Join(", ", LoadOptions.DefaultFileNames)}. Name one with -f FILE");
    }
}
