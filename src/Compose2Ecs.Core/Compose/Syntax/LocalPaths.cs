namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>
/// Host paths as compose-go resolves them: <c>~</c> is the user's home, a relative path is
/// taken from a base directory, and an absolute path (Unix, Windows drive, or a Windows
/// named pipe) stays as written.
/// </summary>
public static class LocalPaths
{
    public static string Resolve(string path, string baseDirectory, string? home)
    {
        if (home is not null && (path == "~" || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            return home.TrimEnd('/') + path[1..];
        }

        if (IsWindowsAbsolute(path) || path.StartsWith('/'))
        {
            return path;
        }

        return Path.GetFullPath(path, baseDirectory);
    }

    /// <summary><c>C:\x</c>, <c>C:/x</c> or <c>\\server\share</c> (a named pipe <c>\\.\pipe\x</c> too).</summary>
    public static bool IsWindowsAbsolute(string path) =>
        path.StartsWith(@"\\", StringComparison.Ordinal)
        || (path.Length > 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/');

    /// <summary>
    /// A build context or additional context that is not on this machine: a URL
    /// (<c>https://</c>, <c>docker-image://</c>...), a git address or a GitHub shorthand.
    /// </summary>
    public static bool IsRemote(string context) =>
        context.Contains("://", StringComparison.Ordinal)
        || context.StartsWith("git@", StringComparison.Ordinal)
        || context.StartsWith("github.com/", StringComparison.Ordinal);

    /// <summary>Go's path.Clean for a container path: no "//", ".", "..", nor a trailing "/".</summary>
    public static string CleanUnix(string path)
    {
        if (!path.StartsWith('/'))
        {
            return path;
        }

        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }
}
