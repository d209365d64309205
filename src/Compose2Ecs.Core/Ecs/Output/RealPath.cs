using System.Runtime.InteropServices;

namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// A path with symbolic links resolved, so <c>-o link-to-project</c> is recognised as the
/// project. A path that does not exist yet: its longest existing ancestor resolved, the rest appended.
/// </summary>
public static class RealPath
{
    public static string Of(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var missing = new Stack<string>();
        var existing = full;
        while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }

        var resolved = Resolve(existing);
        while (missing.Count > 0)
        {
            resolved = Path.Combine(resolved, missing.Pop());
        }

        return resolved;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="path"/> or one of its parents (both real, full paths).</summary>
    public static bool IsSameOrAncestor(string ancestor, string path)
    {
        var a = Path.TrimEndingDirectorySeparator(ancestor);
        var p = Path.TrimEndingDirectorySeparator(path);
        if (a == Path.GetPathRoot(a))
        {
            return true;
        }

        return p == a || p.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Resolve(string existing)
    {
        if (OperatingSystem.IsWindows())
        {
            return existing;
        }

        var pointer = realpath(existing, IntPtr.Zero);
        if (pointer == IntPtr.Zero)
        {
            return existing;
        }

        try
        {
            return Marshal.PtrToStringUTF8(pointer) ?? existing;
        }
        finally
        {
            free(pointer);
        }
    }

    [DllImport("libc", EntryPoint = "realpath")]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void free(IntPtr pointer);
}
