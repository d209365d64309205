using Compose2Ecs.Cli;

var (output, error, input) = StandardStreams.Open();
var console = new Console2(output, error, Directory.GetCurrentDirectory())
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    Input = input,
};
var code = CliApp.Run(args, console);
output.Flush();
error.Flush();
return code;
