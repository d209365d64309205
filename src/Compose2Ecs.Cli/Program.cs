using Compose2Ecs.Cli;

return CliApp.Run(args, new Console2(Console.Out, Console.Error, Directory.GetCurrentDirectory()));
