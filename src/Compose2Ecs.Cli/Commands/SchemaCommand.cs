using System.CommandLine;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs schema</c>: the JSON Schema of <c>x-mesh</c>, for editors.</summary>
public static class SchemaCommand
{
    public const string ResourceName = "x-mesh.schema.json";

    public static Command Create(Console2 console)
    {
        var command = new Command("schema", """
            Print the JSON Schema of the x-mesh extension (top level and per service), the same
            file as schema/x-mesh.schema.json. Point your editor at it to complete and check x-mesh.

            Examples:
              compose2ecs schema > x-mesh.schema.json
            """);
        command.SetAction(_ => CommandRunner.Run(console, () =>
        {
            console.Out.Write(Text());
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Text()
    {
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
