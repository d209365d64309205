using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs graph</c>: draw the mesh in Mermaid or DOT.</summary>
public static class GraphCommand
{
    /// <summary>Mermaid's default <c>maxEdges</c>: beyond it, it shows an error instead of the drawing.</summary>
    public const int MermaidMaxEdges = 500;

    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var loader = new LoaderOptions();
        var mesh = new MeshOption(backends);
        var format = new Option<string>("--format")
        {
            Description = "Output format: mermaid renders on GitHub, GitLab and in editors; dot is for Graphviz; svg and png are drawn by the Mermaid CLI (mmdc) when it is on PATH, and need -o",
            DefaultValueFactory = _ => "mermaid",
            HelpName = "mermaid|dot|svg|png",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg", "png");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the drawing to FILE instead of standard output (required for svg and png)",
            HelpName = "FILE",
        };
        var service = new Option<string?>("--service")
        {
            Description = "Draw only this service's neighbourhood: what calls it and what it calls",
            HelpName = "SVC",
        };
        var depth = new Option<int>("--depth")
        {
            Description = "With --service: how many arrows away to draw (default 1)",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        depth.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--depth: must be 1 or more (the arrows away from --service to draw)");
            }
        });

        var command = new Command("graph", """
            Draw the mesh: services (plain ones dashed, outbound-only ones rounded), routes with
            their rules and weights, upstream edges (direct depends_on connections dotted), the
            gateway and published ports. The output is sorted, so it only changes when the mesh does.

            Examples:
              compose2ecs graph > mesh.mmd
              compose2ecs graph --format dot | dot -Tsvg > mesh.svg
              compose2ecs graph --service checkout --depth 2
              compose2ecs graph --format svg -o mesh.svg   # needs mmdc: npm install -g @mermaid-js/mermaid-cli
            """);
        loader.AddTo(command);
        mesh.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(service);
        command.Options.Add(depth);
        command.Options.Add(output);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var chosen = result.GetValue(format)!;
            var image = chosen is "svg" or "png";
            var file = result.GetValue(output) is { } named ? Path.GetFullPath(named, console.WorkingDirectory) : null;
            if (image && file is null)
            {
                // Checked first: an image is never written to a terminal, and the mistake costs no loading.
                console.Error.WriteLine($"error: --format {chosen} draws an image file: give -o FILE (-o mesh.{chosen}), or use --format mermaid for text");
                return ExitCodes.Usage;
            }

            var project = ComposeLoader.Load(loader.Read(result, console));
            console.Log.Loaded(project);
            var model = MeshReader.Read(project, mesh.Read(result), backends.Specs);
            console.Log.Add(model.Warnings);
            console.Log.ThrowIfPromoted();
            var graph = MeshGraph.Build(model);
            if (result.GetValue(service) is { } center)
            {
                var names = model.Services.Select(s => s.Name).Concat(model.PlainServices.Select(s => s.Name)).ToList();
                if (!names.Contains(center))
                {
                    var hint = Suggest.DidYouMean(center, names, '\'') is { Length: > 0 } suggestion ? suggestion : $"; the services are {string.Join(", ", names)}";
                    console.Error.WriteLine($"error: --service: no service \"{center}\" in the project{hint}");
                    return ExitCodes.Usage;
                }

                graph = graph.Around(center, result.GetValue(depth));
            }

            var mermaid = chosen != "dot";
            if (mermaid && graph.Edges.Length > MermaidMaxEdges)
            {
                console.Log.Add([Diagnostic.Warning(SourceLocation.None, CliDiagnosticCodes.GraphTooBigForMermaid,
                    $"the graph has {graph.Edges.Length} arrows and Mermaid draws at most {MermaidMaxEdges} (its maxEdges setting): draw a part with --service NAME [--depth N], or use --format dot")]);
            }

            var text = !mermaid ? DotRenderer.Render(graph, model.Name) : MermaidRenderer.Render(graph);
            if (image)
            {
                if (MermaidCli.Render(text, chosen, file!, console.Environment, console.WorkingDirectory) is { } failure)
                {
                    // A missing or broken tool of the machine's, as a missing Node.js is for synth.
                    console.Log.Error(failure.Code, failure.Message);
                    return ExitCodes.Internal;
                }
            }
            else if (file is not null)
            {
                File.WriteAllText(file, text);
            }
            else
            {
                console.Out.Write(text);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
