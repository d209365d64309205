using System.Runtime.InteropServices;

namespace Compose2Ecs.Testing;

/// <summary>Files that are not regular files, for tests that an input is refused without blocking.</summary>
public static class SpecialFiles
{
    /// <summary>A named pipe at <paramref name="path"/>: opening it for reading would wait for a writer forever.</summary>
    public static void MakeFifo(string path) =>
        Assert.Equal(0, mkfifo(path, Convert.ToUInt32("600", 8)));

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
