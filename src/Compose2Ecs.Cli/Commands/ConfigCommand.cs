using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs config</c>: the resolved, normalized project, like <c>docker compose config</c>.</summary>
public static class ConfigCommand
{
    public static Command Create(Console2 console)
    {
        var loader = new LoaderOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "yaml",
            HelpName = "yaml|json",
        };
        format.AcceptOnlyFromAmong("yaml", "json");

        var command = new Command("config", """
            Load the compose files and print the resolved project (interpolated, merged, extended,
            profiles applied, short syntax made long), as `docker compose config` does.

            Examples:
              compose2ecs config
              compose2ecs config -f compose.yaml -f compose.prod.yaml --profile debug
              compose2ecs config --format json
            """);
        loader.AddTo(command);
        command.Options.Add(format);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var project = ComposeLoader.Load(loader.Read(result, console));
            console.Log.Loaded(project);
            console.Log.ThrowIfPromoted();
            console.Out.Write(result.GetValue(format) == "json" ? NodeWriter.ToJson(project.Root) : NodeWriter.ToYaml(project.Root).TrimStart('\n'));
            return ExitCodes.Success;
        }));
        return command;
    }
}
