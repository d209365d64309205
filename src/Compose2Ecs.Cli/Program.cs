using Compose2Ecs.Cli;

var (output, error, input) = StandardStreams.Open();
var console = new Console2(output, error, Directory.GetCurrentDirectory())
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    Input = input,
};
var code = CliApp.Run(args, console);
// A signal ends the process with its own status (130, 143), whatever the command returned meanwhile.
code = Interruption.Signalled ?? code;
output.Flush();
error.Flush();
return code;
