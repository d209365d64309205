using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Output;

namespace Compose2Ecs.Cli;

/// <summary>
/// Runs a command's body and turns failures into exit codes and clean messages: invalid
/// input or an output that cannot be written 1 (the errors, located; a plain message), a missing prerequisite or a bug 3 (a short message; the
/// stack trace only with --verbose).
/// </summary>
public static class CommandRunner
{
    public static int Run(Console2 console, Func<int> body)
    {
        var reporter = new Reporter(console);
        try
        {
            return body();
        }
        catch (InvalidInputException e)
        {
            reporter.Report(e.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        catch (OutputRefusedException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine's state (a read-only folder, a full disk, a missing parent), not a bug.
            reporter.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (PrerequisiteException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.Internal;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reporter.Error($"internal error: {e.GetType().Name}: {e.Message}");
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
}
