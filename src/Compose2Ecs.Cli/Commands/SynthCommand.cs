using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Settings;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs synth</c>: the compose project as an ECS application, a CDK cloud assembly of CloudFormation templates.</summary>
public static class SynthCommand
{
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var loader = new LoaderOptions();
        var mesh = new MeshOption(backends);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Cloud assembly directory: new, empty, or one compose2ecs wrote (replaced whole, only when synthesis succeeds); - writes the template to stdout",
            DefaultValueFactory = _ => "cdk.out",
            HelpName = "DIR",
        };
        var format = new Option<string>("--format")
        {
            Description = "Template format: json, or yaml for .template.yaml files beside the JSON ones",
            DefaultValueFactory = _ => "json",
            HelpName = "json|yaml",
        };
        format.AcceptOnlyFromAmong("json", "yaml");
        var registry = new Option<string?>("--registry")
        {
            Description = "Registry for build-only services' images: REGISTRY/<service>:TAG (wins over x-mesh.registry)",
            HelpName = "REGISTRY",
        };
        var tag = new Option<string?>("--tag")
        {
            Description = "Tag for build-only services' images (wins over x-mesh.tag; default: latest)",
            HelpName = "TAG",
        };
        var stackName = new Option<string?>("--stack-name")
        {
            Description = "CloudFormation stack name (default: the project name)",
            HelpName = "NAME",
        };
        stackName.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && !EcsSettingsReader.IsValidStackName(name))
            {
                result.AddError($"--stack-name: \"{name}\" is not a valid stack name; use letters, digits and '-', starting with a letter (at most 128)");
            }
        });

        var layout = new LayoutOptions();
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Plan and build the templates and print the diagnostics, without the CDK and without writing anything",
        };

        var command = new Command("synth", """
            Convert the compose project to an ECS application on Fargate and write it as a CDK cloud
            assembly: <stack>.template.json (nested templates when the application is too big for
            one stack) and manifest.json. Warnings name every compose key that has no ECS meaning.

            Examples:
              compose2ecs synth --mesh none -o cdk.out
              compose2ecs synth -f compose.yaml -f compose.prod.yaml --registry 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop --tag v1.2
              compose2ecs synth --format yaml --stack-name shop-staging
              compose2ecs synth --dry-run --warnings-as-errors
              compose2ecs synth --rebalance --dry-run
            """);
        loader.AddTo(command);
        mesh.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(registry);
        command.Options.Add(tag);
        command.Options.Add(stackName);
        layout.AddTo(command);
        command.Options.Add(dryRun);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var requested = result.GetValue(output) ?? "cdk.out";
            var toStdout = requested == "-";
            var load = loader.Read(result, console);
            var outputDirectory = toStdout
                ? Path.Combine(Path.GetTempPath(), $"compose2ecs-stdout-{Guid.NewGuid():N}")
                : Path.GetFullPath(requested, console.WorkingDirectory);
            if (!toStdout)
            {
                OutputRules.CheckBeforeLoading(requested, load);
            }

            using var interruption = Interruption.Register(console.Error);
            using var progress = new Progress(console);
            progress.Stage("loading the compose files");
            var project = ComposeLoader.Load(load);
            console.Log.Loaded(project);
            if (!toStdout)
            {
                OutputRules.CheckAfterLoading(requested, project, console.WorkingDirectory);
            }

            var options = new SynthOptions
            {
                Mesh = mesh.Read(result),
                StackName = result.GetValue(stackName),
                Registry = result.GetValue(registry),
                Tag = result.GetValue(tag),
                OutputDirectory = outputDirectory,
                Yaml = result.GetValue(format) == "yaml",
            };
            progress.Stage($"planning {project.Services.Length} services");
            var (plan, context, backend) = EcsSynthesis.Plan(project, options, backends);
            progress.Stage($"building the templates of {plan.Services.Length} services");
            // The stack layout beside the compose file keeps every placed service in its template; --rebalance places anew.
            var layoutFile = layout.Locate(result, project, console.WorkingDirectory);
            var rebalance = result.GetValue(layout.Rebalance);
            var deployed = layoutFile is { } known ? StackLayoutFile.Read(known.Path, known.Shown) : null;
            var templates = TemplateBuilder.Build(plan, layout: rebalance ? null : deployed);
            var moves = rebalance && deployed is not null ? StackMoves.Between(deployed, templates, PlanResources.Build(plan)) : [];
            if (!moves.IsEmpty)
            {
                plan = plan.AddFiles(new OutputFile(StackRefactorMapping.FileName, StackRefactorMapping.Json(moves, plan.StackName)));
            }

            console.Log.Add(plan.Warnings);
            console.Log.Add(templates.Warnings);
            if (layoutFile is null && !templates.Nested.IsEmpty)
            {
                console.Log.Add([LayoutOptions.NotKept(templates.Nested.Length)]);
            }
            if (!result.GetValue(dryRun))
            {
                // Node.js is checked before the CDK starts: a missing or too old one exits 3 with one message.
                console.Log.Add(NodeSupport.Check());
            }

            console.Log.ThrowIfPromoted();
            if (result.GetValue(dryRun))
            {
                progress.Complete();
                console.Log.Flush();
                WriteMoves(console, rebalance, deployed, moves, written: false);
                console.Error.WriteLine($"dry run: {plan.Services.Length} services planned, {templates.Nested.Length + 1} template{(templates.Nested.IsEmpty ? "" : "s")}; nothing written");
                return ExitCodes.Success;
            }

            if (toStdout && !templates.Nested.IsEmpty)
            {
                progress.Dispose();
                console.Error.WriteLine($"error: -o -: this application needs {templates.Nested.Length} nested stacks, which cannot be written to stdout; use -o DIR (e.g. -o cdk.out)");
                return ExitCodes.Usage;
            }

            progress.Stage("synthesizing through the AWS CDK");
            try
            {
                var synthesized = EcsSynthesis.Write(plan, templates, options);
                progress.Complete();
                console.Log.Add(synthesized.Warnings);
                console.Log.Flush();
                if (toStdout)
                {
                    var file = synthesized.Templates.First(t => t.EndsWith(options.Yaml ? ".yaml" : ".json", StringComparison.Ordinal));
                    console.Out.Write(File.ReadAllText(Path.Combine(synthesized.OutputDirectory, file)));
                    return ExitCodes.Success;
                }

                // After the assembly is in place: a failed synthesis leaves the layout as it was.
                if (layoutFile is { } target && StackLayoutFile.Write(target.Path, templates.Layout) && !console.Output.Quiet)
                {
                    console.Error.WriteLine($"synth: stack layout {(deployed is null ? "written to" : "updated in")} {target.Shown} (commit it with the compose file)");
                }

                WriteMoves(console, rebalance, deployed, moves, written: true);
                var relative = Path.GetRelativePath(console.WorkingDirectory, synthesized.OutputDirectory);
                var shown = relative.StartsWith("..", StringComparison.Ordinal) ? synthesized.OutputDirectory : relative;
                foreach (var file in synthesized.Templates)
                {
                    console.Out.WriteLine(Path.Combine(shown, file));
                }

                if (!console.Output.Quiet)
                {
                    foreach (var line in SynthSummary.Lines(synthesized.OutputDirectory, shown, synthesized.Templates, plan.StackName))
                    {
                        console.Error.WriteLine(line);
                    }
                }

                return ExitCodes.Success;
            }
            finally
            {
                if (toStdout && Directory.Exists(outputDirectory))
                {
                    Directory.Delete(outputDirectory, recursive: true);
                }
            }
        }));
        return command;
    }

    /// <summary>What a rebalance moves, one line per service, and what to do with the mapping.</summary>
    private static void WriteMoves(Console2 console, bool rebalance, StackLayout? deployed, IReadOnlyList<ResourceMove> moves, bool written)
    {
        if (!rebalance)
        {
            return;
        }

        foreach (var line in LayoutOptions.Describe(moves))
        {
            console.Error.WriteLine(line);
        }

        console.Error.WriteLine(deployed is null ? "rebalance: no stack layout file to compare with; placement computed from the names"
            : moves.Count == 0 ? "rebalance: nothing moves"
            : $"rebalance: {moves.Count} resources move{(written ? $"; {StackRefactorMapping.FileName} in the output maps them for aws cloudformation create-stack-refactor (docs/synth.md#rebalancing)" : "; nothing written (dry run)")}");
    }
}
