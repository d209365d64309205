using System.CommandLine;
using Compose2Ecs.Core.Ecs.Backends;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs backends</c>: the mesh backends this build offers, one line each.</summary>
public static class BackendsCommand
{
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var command = new Command("backends", """
            List the mesh backends that --mesh accepts, with a line on each.

            Examples:
              compose2ecs backends
            """);
        command.SetAction(_ => CommandRunner.Run(console, () =>
        {
            var width = backends.Names.Max(n => n.Length);
            foreach (var backend in backends.All)
            {
                console.Out.WriteLine($"{backend.Name.PadRight(width)}  {backend.Description}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
