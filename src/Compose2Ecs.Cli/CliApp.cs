using System.CommandLine;
using Compose2Ecs.Cli.Commands;
using Compose2Ecs.Registration;

namespace Compose2Ecs.Cli;

/// <summary>The command line: builds the command tree and runs it.</summary>
public static class CliApp
{
    public static int Run(string[] args, Console2 console)
    {
        var root = new RootCommand("compose2ecs: turn a docker-compose application into AWS ECS with a service mesh (CloudFormation through the AWS CDK).");
        root.Subcommands.Add(ConfigCommand.Create(console));
        var globals = new GlobalOptions();
        globals.AddTo(root);
        var diagnostics = new Diagnostics.DiagnosticOptions();
        diagnostics.AddTo(root);
        var backends = BackendRegistration.CreateRegistry();
        root.Subcommands.Add(SynthCommand.Create(console, backends));
        root.Subcommands.Add(ValidateCommand.Create(console, backends));
        root.Subcommands.Add(GraphCommand.Create(console, backends));
        root.Subcommands.Add(MigrateCommand.Create(console, backends));
        root.Subcommands.Add(SchemaCommand.Create(console, backends));
        root.Subcommands.Add(BackendsCommand.Create(console, backends));
        root.Subcommands.Add(TraceCommand.Create(console, backends));
        root.Subcommands.Add(CompletionCommand.Create(console, root));

        var result = root.Parse(ArgumentOrder.Normalize(root, args));
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        if (result.Errors.Count > 0 && result.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var message in UsageErrors.Describe(result))
            {
                console.Error.WriteLine($"error: {message}");
            }

            console.Error.WriteLine($"Run 'compose2ecs {(result.CommandResult.Command is RootCommand ? "" : result.CommandResult.Command.Name + " ")}--help' for usage.");
            return ExitCodes.Usage;
        }

        console.Output = globals.Read(result, console);
        console.Diagnostics = diagnostics.Read(result, console.Environment ?? Core.Compose.LoadOptions.ProcessEnvironment());
        return result.Invoke(configuration);
    }
}
