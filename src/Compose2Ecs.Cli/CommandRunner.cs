using Compose2Ecs.Cli.Diagnostics;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Output;

namespace Compose2Ecs.Cli;

/// <summary>
/// Runs a command's body, prints its diagnostics together at the end (in file order, see
/// <see cref="DiagnosticLog"/>), and turns failures into exit codes and clean messages: invalid
/// input, warnings made errors or an output that cannot be written 1 (the errors, located; a plain
/// message), a missing prerequisite or a bug 3 (a short message; the stack trace only with --verbose).
/// </summary>
public static class CommandRunner
{
    public static int Run(Console2 console, Func<int> body)
    {
        var code = RunBody(console, body);
        return Interruption.Signalled ?? code;
    }

    private static int RunBody(Console2 console, Func<int> body)
    {
        var log = console.Log;
        try
        {
            var code = body();
            log.Flush();

            // A warning made an error after the command's last check still fails it.
            return code == ExitCodes.Success && log.Promoted > 0 ? ExitCodes.InvalidInput : code;
        }
        catch (InvalidInputException e)
        {
            log.Add(e.Diagnostics);
            return Fail(log, ExitCodes.InvalidInput);
        }
        catch (WarningsAsErrorsException)
        {
            return Fail(log, ExitCodes.InvalidInput);
        }
        catch (OutputRefusedException e)
        {
            log.Error(e.Code, e.Message);
            return Fail(log, ExitCodes.InvalidInput);
        }
        catch (OutputClosedException)
        {
            // The reader of our output has what it wanted (| head); the warnings still reach stderr.
            return Fail(log, ExitCodes.OutputClosed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine's state (a read-only folder, a full disk, a missing parent), not a bug.
            log.Error(CliDiagnosticCodes.FileSystem, e.Message);
            return Fail(log, ExitCodes.InvalidInput);
        }
        catch (PrerequisiteException e)
        {
            log.Error(CliDiagnosticCodes.MissingPrerequisite, e.Message);
            return Fail(log, ExitCodes.Internal);
        }
        catch (Exception) when (Interruption.Signalled is not null)
        {
            // Interrupted: the signal handler has said so and is ending the process.
            return ExitCodes.Internal;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error(CliDiagnosticCodes.InternalError, $"internal error: {e.GetType().Name}: {e.Message}");
            log.Flush();
            if (console.Output.Verbose)
            {
                console.Error.WriteLine(e.ToString());
            }
            else
            {
                console.Error.WriteLine("This is a bug in compose2ecs. Rerun with --verbose for details, and please report it with the input that caused it.");
            }

            return ExitCodes.Internal;
        }
    }

    private static int Fail(DiagnosticLog log, int code)
    {
        if (Interruption.Signalled is not null)
        {
            return code;
        }

        log.Flush();
        return code;
    }
}
