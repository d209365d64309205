using System.CommandLine;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs schema</c>: the JSON Schema of <c>x-mesh</c>, for editors.</summary>
public static class SchemaCommand
{
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var command = new Command("schema", """
            Print the JSON Schema of the x-mesh extension (top level and per service, with every
            registered backend's section), the same file as schema/x-mesh.schema.json. Point your
            editor at it to complete and check x-mesh.

            Examples:
              compose2ecs schema > x-mesh.schema.json
            """);
        command.SetAction(_ => CommandRunner.Run(console, () =>
        {
            console.Out.Write(MeshSchema.Assemble(backends.Specs));
            return ExitCodes.Success;
        }));
        return command;
    }
}
