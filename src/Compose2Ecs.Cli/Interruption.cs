using System.Runtime.InteropServices;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Output;

namespace Compose2Ecs.Cli;

/// <summary>
/// SIGINT and SIGTERM during <c>synth</c>: the staging folder and the jsii temp folder are
/// removed, the previous assembly stays as it was, and the process exits 130 or 143 (the
/// Node.js host ends with us when its stdin closes).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private Interruption(TextWriter error)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, error, 130)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, error, 143)),
        ];
    }

    public static Interruption Register(TextWriter error) => new(error);

    /// <summary>
    /// The exit status once a signal stopped the run (130, 143): the command's own failure that
    /// follows (the CDK losing its Node.js host) is then not reported, and this status wins.
    /// </summary>
    public static int? Signalled { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private static void Stop(PosixSignalContext context, TextWriter error, int code)
    {
        context.Cancel = true;
        Signalled = code;
        OutputDirectory.Abort();
        JsiiEnvironment.Cleanup();
        error.WriteLine($"error: interrupted ({context.Signal}); the output folder is as it was");
        error.Flush();
        Environment.Exit(code);
    }
}
