using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs validate</c>: load the project, read and check the mesh (and the chosen backend's limits); write nothing.</summary>
public static class ValidateCommand
{
    /// <param name="backends">Every backend; the effective backend's checks run.</param>
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var loader = new LoaderOptions();
        var mesh = new MeshOption(backends);
        var command = new Command("validate", """
            Load the compose files, read the x-mesh settings and check them, including what the
            chosen backend cannot express. Prints the errors (file:line:col) and exits 1, or prints
              ok: N services, M routes, K edges
            and exits 0, where N counts every compose service (in the mesh or plain), M the routes
            of x-mesh.routes, and K the upstream edges (each caller -> service or route, through the
            mesh or, for services outside it, a direct depends_on connection).

            Examples:
              compose2ecs validate
              compose2ecs validate -f compose.yaml -f compose.prod.yaml --mesh consul
            """);
        loader.AddTo(command);
        mesh.AddTo(command);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var project = ComposeLoader.Load(loader.Read(result, console));
            console.Log.Loaded(project);
            var model = MeshReader.Read(project, mesh.Read(result), backends.All);
            AwsNameChecks.Validate(project);
            console.Log.Add(model.Warnings);
            console.Log.ThrowIfPromoted();
            console.Out.WriteLine($"ok: {model.Services.Length + model.PlainServices.Length} services, {model.Routes.Length} routes, {model.Edges.Length} edges");
            return ExitCodes.Success;
        }));
        return command;
    }
}
