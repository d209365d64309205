using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// The variables interpolation sees: the <c>.env</c> file(s), then the process environment
/// over them (the shell wins). A <c>.env</c> line may use variables from the lines before it.
/// </summary>
internal static class Variables
{
    public static Dictionary<string, string> Resolve(
        IReadOnlyDictionary<string, string> environment,
        IEnumerable<(string Path, string Display, bool Required)> envFiles,
        DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        var fromFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, display, required) in envFiles)
        {
            if (!File.Exists(path))
            {
                if (required)
                {
                    diagnostics.Error(new SourceLocation(display, 0, 0), ComposeDiagnosticCodes.FileNotFound, "env file not found; create it or remove --env-file");
                }

                continue;
            }

            // Lines see the shell and the lines read so far; the shell still wins.
            var visible = new Dictionary<string, string>(fromFiles, StringComparer.Ordinal);
            foreach (var (key, value) in environment)
            {
                visible[key] = value;
            }

            if (BoundedFile.TryRead(path, out var problem) is not { } text)
            {
                diagnostics.Error(new SourceLocation(display, 0, 0), ComposeDiagnosticCodes.FileNotFound, $"env file {problem}");
                continue;
            }

            var lines = DotEnv.Parse(
                text,
                display,
                (text, location, key) => EnvFileInterpolation.Substitute(visible, text, location, key, diagnostics),
                diagnostics,
                (key, value) =>
                {
                    if (value is not null && !environment.ContainsKey(key))
                    {
                        visible[key] = value;
                    }
                });
            foreach (var (key, value) in lines)
            {
                if (value is not null)
                {
                    fromFiles[key] = value;
                }
                else if (environment.TryGetValue(key, out var fromShell))
                {
                    fromFiles[key] = fromShell;
                }
            }
        }

        foreach (var (key, value) in fromFiles)
        {
            result.TryAdd(key, value);
        }

        return result;
    }
}
