using Compose2Ecs.Cli;

var console = new Console2(Console.Out, Console.Error, Directory.GetCurrentDirectory())
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
    Input = Console.OpenStandardInput,
};
return CliApp.Run(args, console);
