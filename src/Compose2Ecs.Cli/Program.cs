using Compose2Ecs.Cli;

var (output, error, input) = StandardStreams.Open();
var console = new Console2(output, error, Directory.GetCurrentDirectory())
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    Input = input,
};
int code;
try
{
    code = CliApp.Run(args, console);
}
catch (OutputClosedException)
{
    // Outside a command's body (help, usage, version): stop as quietly as inside one.
    code = ExitCodes.OutputClosed;
}

// A signal ends the process with its own status (130, 143), whatever the command returned meanwhile.
code = Interruption.Signalled ?? code;
output.Flush();
error.Flush();
return StandardStreams.OutputClosed && code == ExitCodes.Success ? ExitCodes.OutputClosed : code;
