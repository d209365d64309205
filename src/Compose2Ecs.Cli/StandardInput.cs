using System.Text;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>
/// <c>-f -</c>: the compose file from standard input, bounded and strict UTF-8 as the loader
/// reads files, so a pipe from /dev/zero cannot exhaust memory.
/// </summary>
public static class StandardInput
{
    /// <summary>The loader's bound for a compose file.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(Console2 console)
    {
        if (console.Input is null)
        {
            return "";
        }

        using var stream = console.Input();
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        var where = new SourceLocation(LoadOptions.StandardInputName, 0, 0);
        if (length > MaxBytes)
        {
            throw new InvalidInputException(where, ComposeDiagnosticCodes.FileNotFound, $"-f -: standard input is larger than {MaxBytes / (1024 * 1024)} MiB; a compose file is far smaller");
        }

        var start = buffer.AsSpan(0, length).StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(buffer, start, length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInputException(where, ComposeDiagnosticCodes.FileNotFound, "-f -: standard input is not UTF-8 text; pipe a compose file");
        }
    }
}
