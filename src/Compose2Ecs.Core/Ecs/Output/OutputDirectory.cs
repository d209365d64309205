namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// Fills a fresh directory beside the target and moves it into place only when filling
/// succeeded: a failed run writes nothing and leaves an existing output untouched.
/// </summary>
public static class OutputDirectory
{
    public static void Replace(string target, Action<string> fill)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
        {
            throw new IOException($"{target} is a file; the output must be a directory");
        }

        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) ?? full;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        var staging = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            Swap(staging, full, parent, name);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void Swap(string staging, string full, string parent, string name)
    {
        if (!Directory.Exists(full))
        {
            Directory.Move(staging, full);
            return;
        }

        var old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.Move(full, old);
        Directory.Move(staging, full);
        Directory.Delete(old, recursive: true);
    }
}
