using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Stages;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Migration;

namespace Compose2Ecs.Cli.Commands;

/// <summary>
/// <c>compose2ecs migrate</c>: an ECS ComposeX file with <c>x-appmesh</c> → the same file with
/// <c>x-mesh</c>, checked as <c>validate</c> would before anything is written.
/// </summary>
public static class MigrateCommand
{
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var file = new Option<string[]>("--file", "-f")
        {
            Description = "The ECS ComposeX file with x-appmesh; repeat for layered files (-f base.yml -f override.yml): only the one with x-appmesh is rewritten",
            HelpName = "FILE",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the migrated file (default: stdout); written only when it validates",
            HelpName = "FILE",
        };
        var backend = new Option<string>("--backend")
        {
            Description = "x-mesh.backend to write: auto (service-connect when every route is one target, else appmesh), appmesh or service-connect",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|appmesh|service-connect",
        };
        backend.AcceptOnlyFromAmong("auto", TargetBackends.AppMesh, TargetBackends.ServiceConnect);

        var command = new Command("migrate", """
            Read an ECS ComposeX file that uses App Mesh (x-appmesh: Nodes, Routers, Routes, Services,
            Backends) and write the same file with an equivalent x-mesh section in its place: nodes become
            mesh services (upstreams from their backends), routers become routes with their real weights,
            virtual services under another name become single-target routes (aliases). Comments, anchors
            and key order are kept. stderr lists, with file:line:col, what could not be mapped. The result
            is validated (as `compose2ecs validate` does, with the backend written) before it is written.

            Examples:
              compose2ecs migrate -f composex.yml -o compose.yaml
              compose2ecs migrate -f composex.yml --backend appmesh > compose.yaml
              compose2ecs migrate -f blog.yml -f mesh.yml -o mesh.migrated.yml
            """);
        command.Options.Add(file);
        command.Options.Add(output);
        command.Options.Add(backend);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var given = result.GetValue(file) ?? [];
            if (given.Length == 0)
            {
                console.Error.WriteLine("error: migrate needs the ECS ComposeX file to read: compose2ecs migrate -f composex.yml");
                console.Error.WriteLine("Run 'compose2ecs migrate --help' for usage.");
                return ExitCodes.Usage;
            }

            var inputs = new List<MigrationInput>();
            foreach (var name in given)
            {
                var path = Path.GetFullPath(name, console.WorkingDirectory);
                if (BoundedFile.TryRead(path, out var problem) is not { } text)
                {
                    throw new InvalidInputException(new SourceLocation(name, 0, 0), MigrationDiagnosticCodes.InputFile, $"-f {name}: {problem}");
                }

                inputs.Add(new MigrationInput(text, name));
            }

            var target = result.GetValue(output) is { } o ? OutputPath(o, console) : null;
            var chosen = result.GetValue(backend) is { } b && b != "auto" ? b : null;
            var migrated = ComposeXMigrator.Migrate(inputs, chosen);
            console.Log.Add(migrated.Report);

            var rewritten = inputs.FindIndex(i => i.File == migrated.File);
            var model = Validate(migrated.Text, inputs, rewritten, target is null ? "<stdout>" : result.GetValue(output)!, console, backends);
            console.Log.ThrowIfPromoted();
            console.Log.Flush();
            if (target is null)
            {
                console.Out.Write(migrated.Text);
            }
            else
            {
                File.WriteAllText(target, migrated.Text);
            }

            console.Error.WriteLine(model is null
                ? $"migrated: backend {migrated.Backend}; the input's own errors are kept (above); {migrated.Report.Length} notes above"
                : $"migrated: {model.Services.Length} mesh services, {model.PlainServices.Length} outside the mesh, {model.Routes.Length} routes, backend {migrated.Backend}; {migrated.Report.Length} notes above");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Where to write, checked before any work: an existing folder, and not a folder itself.</summary>
    private static string OutputPath(string given, Console2 console)
    {
        var path = Path.GetFullPath(given, console.WorkingDirectory);
        if (Directory.Exists(path))
        {
            throw new InvalidInputException(new SourceLocation(given, 0, 0), MigrationDiagnosticCodes.OutputPath, $"-o {given}: is a directory; name the file to write, e.g. -o {Path.Combine(given, "compose.yaml")}");
        }

        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            throw new InvalidInputException(new SourceLocation(given, 0, 0), MigrationDiagnosticCodes.OutputPath, $"-o {given}: the folder {folder} does not exist; create it first or write elsewhere");
        }

        return path;
    }

    /// <summary>
    /// Loads the files as the project they will be (the rewritten text in place of its original, at
    /// the original's path, so relative paths and .env resolve as they will) and reads its mesh with
    /// the written backend's checks. Errors name the output's lines. Errors the input has as it is in
    /// top-level definitions migrate never rewrites (a file-less compose secret, say) do not stop it:
    /// they are one warning (C2E8013) and the result is null; any other error does.
    /// </summary>
    private static MeshModel? Validate(string text, IReadOnlyList<MigrationInput> inputs, int rewritten, string shownAs, Console2 console, MeshBackendRegistry backends)
    {
        try
        {
            var project = ComposeLoader.Load(new LoadOptions
            {
                Texts = [.. inputs.Select((input, i) => new ComposeText(input.File, i == rewritten ? text : input.Text))],
                ProjectDirectory = Path.GetDirectoryName(Path.GetFullPath(inputs[0].File, console.WorkingDirectory)),
                WorkingDirectory = console.WorkingDirectory,
                Environment = console.Environment,
            });
            // The loader's own warnings (a file-less secret, C2E1111, say) are the user's to see, at the output's lines.
            var rewrittenFile = inputs[rewritten].File;
            console.Log.Add(project.Warnings.Select(d => d.Location.File == rewrittenFile ? d with { Location = d.Location with { File = shownAs } } : d));
            return MeshReader.Read(project, null, backends.All);
        }
        catch (InvalidInputException e)
        {
            var errors = e.Errors.ToList();
            if (errors.All(d => OutsideMigration(d.Message)) && InputErrors(inputs, console) is { } own && errors.All(d => own.Contains((d.Code, d.Message))))
            {
                console.Log.Add([Diagnostic.Warning(new SourceLocation(shownAs, 0, 0), MigrationDiagnosticCodes.InputDoesNotLoad,
                    $"the input does not load as it is ({errors.Count} error{(errors.Count == 1 ? "" : "s")} migrate does not touch, the first: {errors[0].Message}); the migrated file keeps them: fix them before synth")]);
                return null;
            }

            var rewrittenName = inputs[rewritten].File;
            throw new InvalidInputException(e.Diagnostics.Select(d => d.Location.File == rewrittenName ? d with { Location = d.Location with { File = shownAs } } : d)
                .Prepend(Diagnostic.Error(new SourceLocation(shownAs, 0, 0), MigrationDiagnosticCodes.DoesNotValidate, "the migrated file does not validate, so it is not written; the errors below are at its lines")));
        }
    }

    /// <summary>An error about a top-level definition migrate never rewrites (secrets, configs, volumes, networks).</summary>
    private static bool OutsideMigration(string message) =>
        message.StartsWith("secrets.", StringComparison.Ordinal) || message.StartsWith("configs.", StringComparison.Ordinal)
        || message.StartsWith("volumes.", StringComparison.Ordinal) || message.StartsWith("networks.", StringComparison.Ordinal);

    /// <summary>The errors (code and message) of the inputs as they are, or null when they load.</summary>
    private static HashSet<(string?, string)>? InputErrors(IReadOnlyList<MigrationInput> inputs, Console2 console)
    {
        try
        {
            ComposeLoader.Load(new LoadOptions
            {
                Texts = [.. inputs.Select(input => new ComposeText(input.File, input.Text))],
                ProjectDirectory = Path.GetDirectoryName(Path.GetFullPath(inputs[0].File, console.WorkingDirectory)),
                WorkingDirectory = console.WorkingDirectory,
                Environment = console.Environment,
            });
            return null;
        }
        catch (InvalidInputException e)
        {
            return [.. e.Errors.Select(d => (d.Code, d.Message))];
        }
    }
}
