using Compose2Ecs.Core.Ecs.Backends;
using System.CommandLine;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Trace;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Report;

namespace Compose2Ecs.Cli.Commands;

/// <summary><c>compose2ecs trace</c>: follow every call of the application through the synthesized templates.</summary>
public static class TraceCommand
{
    public static Command Create(Console2 console, MeshBackendRegistry backends)
    {
        var loader = new LoaderOptions();
        var app = new Option<string>("--app")
        {
            Description = "The cloud assembly that synth wrote",
            DefaultValueFactory = _ => "cdk.out",
            HelpName = "DIR",
        };
        var from = new Option<string?>("--from") { Description = "Only calls made by this service", HelpName = "SVC" };
        var to = new Option<string?>("--to") { Description = "Only calls to this service or route (or through a route to it)", HelpName = "SVC" };
        var format = new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("trace", """
            Prove from the synthesized templates that every call works: for each upstream, each
            depends_on and each address an app's environment names, follow the name it dials, the
            proxy, the mesh's authorization and routing, and the security groups, with a verdict per
            hop. Exits 1 when any call is broken. Also lists security-group paths no call needs.

            Examples:
              compose2ecs synth -o cdk.out && compose2ecs trace --app cdk.out
              compose2ecs trace --from web --format json
            """);
        loader.AddTo(command);
        command.Options.Add(app);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(format);
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var project = ComposeLoader.Load(loader.Read(result, console));
            var assembly = CloudAssembly.Load(Path.GetFullPath(result.GetValue(app) ?? "cdk.out", console.WorkingDirectory));
            var report = Tracer.Trace(assembly, project, backend => MeshReader.Read(project, backend, backends.Specs));
            var caller = result.GetValue(from);
            var callee = result.GetValue(to);
            report = report with
            {
                Calls = [.. report.Calls.Where(c => (caller is null || c.Call.Caller == caller) && (callee is null || c.Call.Upstream == callee || c.Call.Targets.Contains(callee)))],
            };
            console.Out.Write(result.GetValue(format) == "json" ? JsonRenderer.Render(report) : TextRenderer.Render(report));
            return report.IsBroken ? ExitCodes.InvalidInput : ExitCodes.Success;
        }));
        return command;
    }
}
