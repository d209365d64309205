using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Cli.Commands;

/// <summary>
/// <c>compose2ecs validate</c>: every check <c>synth</c> runs (the loader, the mesh model and the
/// chosen backend's checks, secrets, images of build-only services, ECS and AWS limits, the
/// templates' own limits), through the same planning and template building, minus the CDK; write nothing.
/// </summary>
public static class ValidateCommand
{
    /// <param name="backends">Every backend; the effective backend's checks run.</param>
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var loader = new LoaderOptions();
        var mesh = new MeshOption(backends);
        var registry = new Option<string?>("--registry")
        {
            Description = "Registry for build-only services' images, as for synth (wins over x-mesh.registry)",
        };
        var command = new Command("validate", """
            Load the compose files, read the x-mesh settings and check them, including what the
            chosen backend cannot express: every check synth runs (secrets, images of build-only
            services, backend checks, ports), with the same warnings, without the AWS CDK. Prints the errors (file:line:col) and exits 1, or prints
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
        command.Options.Add(registry);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var project = ComposeLoader.Load(loader.Read(result, console));
            console.Log.Loaded(project);
            var options = new SynthOptions { Mesh = mesh.Read(result), Registry = result.GetValue(registry) };
            var (plan, context, _) = EcsSynthesis.Plan(project, options, backends);
            var templates = TemplateBuilder.Build(plan);
            console.Log.Add(plan.Warnings);
            console.Log.Add(templates.Warnings);
            var model = context.Mesh;
            console.Log.ThrowIfPromoted();
            console.Out.WriteLine($"ok: {model.Services.Length + model.PlainServices.Length} services, {model.Routes.Length} routes, {model.Edges.Length} edges");
            return ExitCodes.Success;
        }));
        return command;
    }
}
