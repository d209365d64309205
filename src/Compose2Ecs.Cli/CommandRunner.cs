using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Cli;

/// <summary>Runs a command's body and turns failures into exit codes and clean messages, never a stack trace.</summary>
public static class CommandRunner
{
    public static int Run(Console2 console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidInputException e)
        {
            new Reporter(console.Error).Report(e.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        catch (PrerequisiteException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Internal;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            console.Error.WriteLine("This is a bug in compose2ecs; please report it with the input that caused it.");
            return ExitCodes.Internal;
        }
    }
}
