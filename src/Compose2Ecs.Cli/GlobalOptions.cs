using System.CommandLine;

namespace Compose2Ecs.Cli;

/// <summary>Options every command takes, written before or after the command name.</summary>
public sealed class GlobalOptions
{
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print errors only: no warnings, no progress",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print more: stage timings, and details of internal errors",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Quiet);
        root.Options.Add(Verbose);
    }

    public OutputSettings Read(ParseResult result, Console2 console) => OutputSettings.For(
        result.GetValue(Quiet),
        result.GetValue(Verbose),
        console.ErrorIsTerminal,
        console.Environment ?? Core.Compose.LoadOptions.ProcessEnvironment());
}
