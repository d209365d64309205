using System.Runtime.InteropServices;
using System.Text;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Reads the files a compose project names (compose files, .env, env_file, include, extends.file):
/// regular files only, at most <see cref="MaxBytes"/>, strict UTF-8. A FIFO, a device or a directory
/// is refused before it is opened, because opening a FIFO for reading blocks until a writer appears
/// and /dev/zero never ends.
/// </summary>
public static class BoundedFile
{
    /// <summary>Far above any real compose or env file; small enough that a mistake cannot exhaust memory.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null and <paramref name="problem"/> saying what is wrong with it.</summary>
    public static string? TryRead(string path, out string problem)
    {
        problem = "";
        if (Directory.Exists(path))
        {
            problem = "is a directory, not a file; name a file";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = "not found";
            return null;
        }

        if (KindOf(path) is { } kind && kind != "regular file")
        {
            problem = $"is a {kind}, not a regular file; name a regular file";
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            bytes = ReadAtMost(stream, MaxBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {e.Message}";
            return null;
        }

        if (bytes.Length > MaxBytes)
        {
            problem = $"is larger than {MaxBytes / (1024 * 1024)} MiB; a compose or env file is far smaller";
            return null;
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidByte(bytes, start);
            problem = $"is not valid UTF-8 (line {line}, column {column}); save it as UTF-8";
            return null;
        }
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (int Line, int Column) FirstInvalidByte(byte[] bytes, int start)
    {
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[2];
        int line = 1, column = 1;
        for (var i = start; i < bytes.Length; i++)
        {
            try
            {
                var produced = decoder.GetChars(bytes, i, 1, chars, 0, flush: false);
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if (produced > 0)
                {
                    column++;
                }
            }
            catch (DecoderFallbackException)
            {
                return (line, column);
            }
        }

        return (line, column);
    }

    /// <summary>What the path is (after symlinks), from Linux statx; null where statx is unavailable.</summary>
    private static string? KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx has the same layout on every Linux architecture: stx_mode is a u16 at byte 28.
        var buffer = new byte[256];
        try
        {
            if (Native.statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode switch
        {
            0x8000 => "regular file",
            0x4000 => "directory",
            0x1000 => "FIFO (named pipe)",
            0x2000 => "character device",
            0x6000 => "block device",
            0xC000 => "socket",
            _ => "special file",
        };
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
