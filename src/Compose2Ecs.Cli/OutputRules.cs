using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Ecs.Output;

namespace Compose2Ecs.Cli;

/// <summary>
/// <c>synth -o DIR</c> checked against spec §8 before any work: once with what the command
/// line names (before loading), once more with every file the loader read (before the CDK).
/// </summary>
public static class OutputRules
{
    public static void CheckBeforeLoading(string output, LoadOptions load)
    {
        var cwd = load.WorkingDirectory;
        var named = load.Files.Concat(load.EnvFiles).Where(f => f != "-").Select(f => Path.GetFullPath(f, cwd));
        var project = load.ProjectDirectory is { } dir ? [Path.GetFullPath(dir, cwd)] : Array.Empty<string>();
        OutputFolder.Check(output, [cwd, .. project, .. named], cwd);
    }

    public static void CheckAfterLoading(string output, ComposeProject project, string cwd) =>
        OutputFolder.Check(output, [cwd, project.WorkingDirectory, .. project.Files.Select(f => Path.GetFullPath(f, cwd))], cwd);
}
