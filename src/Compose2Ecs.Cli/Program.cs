using Compose2Ecs.Cli;

var console = new Console2(Console.Out, Console.Error, Directory.GetCurrentDirectory())
{
    ErrorIsTerminal = !Console.IsErrorRedirected,
};
return CliApp.Run(args, console);
