using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs graph</c>: draw the mesh in Mermaid or DOT.</summary>
public static class GraphCommand
{
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var loader = new LoaderOptions();
        var mesh = new MeshOption(backends);
        var format = new Option<string>("--format")
        {
            Description = "Output format: mermaid renders on GitHub, GitLab and in editors; dot is for Graphviz",
            DefaultValueFactory = _ => "mermaid",
            HelpName = "mermaid|dot",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");

        var command = new Command("graph", """
            Draw the mesh: services (plain ones dashed, outbound-only ones rounded), routes with
            their rules and weights, upstream edges (direct depends_on connections dotted), the
            gateway and published ports. The output is sorted, so it only changes when the mesh does.

            Examples:
              compose2ecs graph > mesh.mmd
              compose2ecs graph --format dot | dot -Tsvg > mesh.svg
            """);
        loader.AddTo(command);
        mesh.AddTo(command);
        command.Options.Add(format);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var project = ComposeLoader.Load(loader.Read(result, console));
            console.Log.Loaded(project);
            var model = MeshReader.Read(project, mesh.Read(result));
            console.Log.Add(model.Warnings);
            console.Log.ThrowIfPromoted();
            var graph = MeshGraph.Build(model);
            console.Out.Write(result.GetValue(format) == "dot" ? DotRenderer.Render(graph, model.Name) : MermaidRenderer.Render(graph));
            return ExitCodes.Success;
        }));
        return command;
    }
}
