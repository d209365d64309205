using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Compose2Ecs.Cli;

/// <summary>
/// stdout, stderr and stdin as plain file streams on their descriptors. On Unix, the first write
/// through <see cref="Console"/>'s own streams initializes .NET's terminal handling, which sends
/// the terminal's keypad-transmit sequence (<c>ESC [?1h ESC =</c>, terminfo <c>smkx</c>) and never
/// the one that undoes it (dotnet/corefx#32805): the user's shell is left with odd arrow and keypad
/// keys after every run. A tool that never reads keys has no use for it, so it never goes through
/// the Console streams; <see cref="Console.SetOut"/> and <see cref="Console.SetError"/> point
/// whatever else writes to Console (jsii forwarding the Node host's stderr) at the same writers.
/// </summary>
public static class StandardStreams
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
        return (output, error, () => Descriptor(0, FileAccess.Read));
    }

    private static TextWriter Writer(int descriptor) =>
        TextWriter.Synchronized(new StreamWriter(Descriptor(descriptor, FileAccess.Write), Utf8, bufferSize: 4096) { AutoFlush = true });

    private static FileStream Descriptor(int descriptor, FileAccess access) =>
        new(new SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);
}
