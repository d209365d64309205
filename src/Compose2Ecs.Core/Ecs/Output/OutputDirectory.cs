namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// Fills a staging folder and puts it in place of the output folder only when filling
/// succeeded: a failed or interrupted run leaves the previous assembly as it was. The folder it
/// replaces must pass <see cref="OutputFolder"/>'s rules again right before it is replaced, so
/// nothing compose2ecs did not write is ever deleted.
/// </summary>
public static class OutputDirectory
{
    /// <summary>Held while an assembly is swapped into place and while <see cref="Abort"/> cleans up: an interruption never sees half a swap.</summary>
    private static readonly Lock SwapGate = new();

    private static readonly HashSet<string> Staging = [];

    private static bool _aborted;

    /// <param name="target">The output folder as the user named it (messages quote it).</param>
    /// <param name="moveFolder">Renames a folder; a test seam for folders that cannot be renamed (mount points).</param>
    public static void Replace(string target, Action<string> fill, Action<string, string>? moveFolder = null)
    {
        var move = moveFolder ?? Directory.Move;
        var real = RealPath.Of(target);
        var state = OutputFolder.StateOf(target, real);
        var staging = Guard(target, () => CreateStaging(real, state));
        try
        {
            Guard(target, () =>
            {
                fill(staging);
                AssemblyMarker.WriteInto(staging);
            });
            lock (SwapGate)
            {
                if (_aborted)
                {
                    throw new OperationCanceledException("interrupted");
                }

                Guard(target, () => Swap(target, real, staging, move));
            }
        }
        finally
        {
            lock (SwapGate)
            {
                DeleteQuietly(staging);
                Staging.Remove(staging);
            }
        }
    }

    /// <summary>On SIGINT/SIGTERM: deletes the staging folders and lets no swap start. The previous assembly stays as it was.</summary>
    public static void Abort()
    {
        lock (SwapGate)
        {
            _aborted = true;
            foreach (var staging in Staging)
            {
                DeleteQuietly(staging);
            }

            Staging.Clear();
        }
    }

    /// <summary>
    /// A hidden folder beside the output, so the swap is a rename. When the parent cannot be
    /// written (a mount point in a container with a read-only root), inside the output folder.
    /// </summary>
    private static string CreateStaging(string real, OutputFolderState state)
    {
        var parent = Path.GetDirectoryName(real)!;
        var name = Path.GetFileName(real);
        var beside = Path.Combine(parent, $".{name}.compose2ecs-staging-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            return Register(Directory.CreateDirectory(beside).FullName);
        }
        catch (Exception e) when (state != OutputFolderState.Missing && e is IOException or UnauthorizedAccessException)
        {
            var inside = Path.Combine(real, $".compose2ecs-staging-{Guid.NewGuid():N}");
            return Register(Directory.CreateDirectory(inside).FullName);
        }
    }

    private static string Register(string staging)
    {
        lock (SwapGate)
        {
            Staging.Add(staging);
        }

        return staging;
    }

    private static void Swap(string target, string real, string staging, Action<string, string> move)
    {
        var state = OutputFolder.StateOf(target, real);
        if (Path.GetDirectoryName(staging) == real)
        {
            ReplaceInPlace(real, staging);
            return;
        }

        if (state == OutputFolderState.Missing)
        {
            move(staging, real);
            return;
        }

        var old = Path.Combine(Path.GetDirectoryName(real)!, $".{Path.GetFileName(real)}.compose2ecs-old-{Guid.NewGuid():N}");
        try
        {
            move(real, old);
        }
        catch (IOException)
        {
            // A mount point (EBUSY), another device (EXDEV): the folder stays, its contents change.
            ReplaceInPlace(real, staging);
            return;
        }

        try
        {
            move(staging, real);
        }
        catch
        {
            move(old, real);
            throw;
        }

        Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// Replaces the old assembly's entries by the staging folder's, keeping the marker until the
    /// end: an interrupted replacement is still recognised as ours and replaced by the next run.
    /// </summary>
    private static void ReplaceInPlace(string real, string staging)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(real).ToList())
        {
            if (entry == staging || Path.GetFileName(entry) == AssemblyMarker.FileName)
            {
                continue;
            }

            DeleteEntry(entry);
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(staging).Order(StringComparer.Ordinal).ToList())
        {
            MoveEntry(entry, Path.Combine(real, Path.GetFileName(entry)));
        }
    }

    private static void MoveEntry(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Move(from, to, overwrite: true);
            return;
        }

        try
        {
            Directory.Move(from, to);
        }
        catch (IOException)
        {
            // Across devices a folder cannot be renamed: copy it.
            Directory.CreateDirectory(to);
            foreach (var entry in Directory.EnumerateFileSystemEntries(from))
            {
                MoveEntry(entry, Path.Combine(to, Path.GetFileName(entry)));
            }

            Directory.Delete(from, recursive: true);
        }
    }

    private static void DeleteEntry(string entry)
    {
        if (Directory.Exists(entry) && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
        {
            Directory.Delete(entry, recursive: true);
        }
        else
        {
            File.Delete(entry);
        }
    }

    private static void DeleteQuietly(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder is hidden and named as ours.
        }
    }

    /// <summary>I/O failures (read-only folder, no space, a path too long) as a plain message that names the output.</summary>
    private static T Guard<T>(string target, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputRefusedException(OutputDiagnosticCodes.CannotWrite, $"-o {target}: cannot write the cloud assembly: {e.Message}", e);
        }
    }

    private static void Guard(string target, Action body) => Guard(target, () =>
    {
        body();
        return 0;
    });
}
