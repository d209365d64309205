using System.Runtime.InteropServices;
using System.Text;

namespace Compose2Ecs.Cli;

/// <summary>
/// stdout, stderr and stdin written and read with write(2) and read(2) on their descriptors.
/// On Unix, the first write through <see cref="Console"/>'s own streams initializes .NET's terminal
/// handling, which sends the terminal's keypad-transmit sequence (<c>ESC [?1h ESC =</c>, terminfo
/// <c>smkx</c>) and never the one that undoes it (dotnet/corefx#32805): the user's shell is left
/// with odd arrow and keypad keys after every run. A tool that never reads keys has no use for it.
/// </summary>
/// <remarks>
/// Not a <see cref="FileStream"/> on the descriptor: on a regular file (<c>&gt; out.txt</c>) it
/// writes at its own offset (pwrite) and leaves the shared one where it was, so what the shell
/// writes next to the same file (<c>{ compose2ecs config; echo; } &gt; out</c>) overwrites ours.
/// <see cref="Console.SetOut"/> and <see cref="Console.SetError"/> point whatever else writes to
/// Console (jsii forwarding the Node host's stderr) at the same writers.
/// </remarks>
public static partial class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static (TextWriter Out, TextWriter Error, Func<Stream> Input) Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return (Console.Out, Console.Error, Console.OpenStandardInput);
        }

        var output = Writer(1);
        var error = Writer(2);
        Console.SetOut(output);
        Console.SetError(error);
        return (output, error, () => new DescriptorStream(0));
    }

    private static TextWriter Writer(int descriptor) =>
        TextWriter.Synchronized(new StreamWriter(new DescriptorStream(descriptor), Utf8, bufferSize: 4096) { AutoFlush = true });

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int descriptor, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int descriptor, Span<byte> buffer, nint count);

    private const int Interrupted = 4; // EINTR

    private const int BrokenPipe = 32; // EPIPE

    /// <summary>
    /// Set when standard output's reader went away (<c>compose2ecs config | head -3</c>). .NET
    /// ignores SIGPIPE, so instead of dying of it as docker compose and git do, the writes fail:
    /// the first throws <see cref="OutputClosedException"/> and the rest are dropped, so that
    /// nothing (a final flush, a help text half written) turns it into a stack trace.
    /// </summary>
    public static bool OutputClosed { get; private set; }

    /// <summary>An unbuffered stream on a descriptor the process does not own (never closed).</summary>
    private sealed class DescriptorStream(int descriptor) : Stream
    {
        public override bool CanRead => descriptor == 0;

        public override bool CanSeek => false;

        public override bool CanWrite => descriptor != 0;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (true)
            {
                var read = StandardStreams.Read(descriptor, buffer.AsSpan(offset, count), count);
                if (read >= 0)
                {
                    return (int)read;
                }

                if (Marshal.GetLastPInvokeError() != Interrupted)
                {
                    throw new IOException($"cannot read standard input (errno {Marshal.GetLastPInvokeError()})");
                }
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (descriptor == 1 && OutputClosed)
            {
                return;
            }

            while (!buffer.IsEmpty)
            {
                var written = StandardStreams.Write(descriptor, buffer, buffer.Length);
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    if (descriptor == 1 && Marshal.GetLastPInvokeError() == BrokenPipe)
                    {
                        OutputClosed = true;
                        throw new OutputClosedException();
                    }

                    // A closed pipe (| head) or a full disk: the reader is gone or nothing more fits.
                    throw new IOException($"cannot write to {(descriptor == 1 ? "standard output" : "standard error")} (errno {Marshal.GetLastPInvokeError()})");
                }

                buffer = buffer[(int)written..];
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>Standard output's reader is gone (a closed pipe); the command stops quietly with <see cref="ExitCodes.OutputClosed"/>.</summary>
public sealed class OutputClosedException() : IOException("standard output was closed by its reader");
