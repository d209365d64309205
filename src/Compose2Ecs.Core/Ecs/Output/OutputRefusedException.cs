namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>The output cannot be written where the user asked (a folder that is not ours, a file, an I/O failure): exit 1, the message, nothing changed.</summary>
/// <param name="code">Which refusal: one of <see cref="OutputDiagnosticCodes"/>.</param>
public sealed class OutputRefusedException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
