using System.CommandLine;
using Compose2Ecs.Core.Compose;

namespace Compose2Ecs.Cli;

/// <summary>The options every command that loads a project shares, with identical meaning.</summary>
public sealed class LoaderOptions
{
    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "Compose file, - for standard input; repeat to layer overrides (default: compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml)",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> EnvFiles { get; } = new("--env-file")
    {
        Description = "Variables file for interpolation; repeatable (default: .env in the project directory)",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Profiles { get; } = new("--profile")
    {
        Description = "Enable services of this profile; repeatable (replaces COMPOSE_PROFILES)",
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> ProjectDirectory { get; } = new("--project-directory")
    {
        Description = "Base directory for relative paths and .env (default: the first file's directory)",
        HelpName = "DIR",
    };

    public Option<string?> ProjectName { get; } = new("--project-name", "-p")
    {
        Description = "Project name (default: the top-level name, else COMPOSE_PROJECT_NAME, else the project directory's name)",
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ProjectName);
        command.Options.Add(Files);
        command.Options.Add(EnvFiles);
        command.Options.Add(Profiles);
        command.Options.Add(ProjectDirectory);
    }

    public LoadOptions Read(ParseResult result, Console2 console)
    {
        var files = result.GetValue(Files) ?? [];
        return new()
        {
            Files = [.. files],
            StandardInput = files.Contains("-") ? StandardInput.Read(console) : null,
            ProjectName = result.GetValue(ProjectName),
            EnvFiles = [.. result.GetValue(EnvFiles) ?? []],
            Profiles = [.. result.GetValue(Profiles) ?? []],
            ProjectDirectory = result.GetValue(ProjectDirectory),
            WorkingDirectory = console.WorkingDirectory,
            Environment = console.Environment,
        };
    }
}
