using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
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
        var services = new Option<bool>("--services") { Description = "Print the service names, one per line" };
        var profiles = new Option<bool>("--profiles") { Description = "Print every profile the services declare, enabled or not, one per line" };
        var images = new Option<bool>("--images") { Description = "Print each service's image (a build-only service's: <project>-<service>), one per line" };
        var volumes = new Option<bool>("--volumes") { Description = "Print the top-level volume names, one per line" };

        var command = new Command("config", """
            Load the compose files and print the resolved project (interpolated, merged, extended,
            profiles applied, short syntax made long), as `docker compose config` does. With -q,
            only check it: print nothing, exit 1 on an error.

            Examples:
              compose2ecs config
              compose2ecs config -f compose.yaml -f compose.prod.yaml --profile debug
              compose2ecs config --format json
              compose2ecs config -q && echo valid
              compose2ecs config --services
              cat compose.yaml | compose2ecs config -f -
            """);
        loader.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(services);
        command.Options.Add(profiles);
        command.Options.Add(images);
        command.Options.Add(volumes);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var load = loader.Read(result, console);
            var listProfiles = result.GetValue(profiles);
            // Every profile, as docker compose lists them: load with all enabled.
            var project = ComposeLoader.Load(listProfiles ? load with { Profiles = load.Profiles.Add("*") } : load);
            console.Log.Loaded(project);
            console.Log.ThrowIfPromoted();
            if (console.Output.Quiet)
            {
                // docker compose config -q: validate only.
                return ExitCodes.Success;
            }

            IEnumerable<string>? lines =
                result.GetValue(services) ? project.Services.Select(s => s.Name)
                : listProfiles ? project.Services.SelectMany(s => s.Profiles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                : result.GetValue(images) ? project.Services.Select(s => Image(project, s))
                : result.GetValue(volumes) ? project.Volumes.Select(v => v.Name)
                : null;
            if (lines is not null)
            {
                foreach (var line in lines)
                {
                    console.Out.WriteLine(line);
                }

                return ExitCodes.Success;
            }

            console.Out.Write(result.GetValue(format) == "json" ? NodeWriter.ToJson(project.Root) : NodeWriter.ToYaml(project.Root).TrimStart('\n'));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The image docker compose would run: the given one, else the one it builds, named <c>&lt;project&gt;-&lt;service&gt;</c>.</summary>
    private static string Image(ComposeProject project, ComposeService service) => service.Image ?? $"{project.Name}-{service.Name}";
}
