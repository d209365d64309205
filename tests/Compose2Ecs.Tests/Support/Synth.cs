using System.Collections.Immutable;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Registration;

namespace Compose2Ecs.Testing;

/// <summary>
/// Loads compose text the way the CLI does and synthesizes it through the CDK (Node.js), in-process.
/// A test about plan or template data uses <see cref="Templates"/> instead: the same templates, no CDK.
/// </summary>
public static class Synth
{
    /// <summary>The backends the tool ships (the list the CLI registers).</summary>
    public static MeshBackendRegistry Backends { get; } =
        BackendRegistration.CreateRegistry();

    public static ComposeProject Load(string directory, params string[] files) =>
        ComposeLoader.Load(new LoadOptions
        {
            Files = [.. files],
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string>(),
        });

    /// <summary>Writes <paramref name="compose"/> as compose.yaml in a new directory, loads it and synthesizes it.</summary>
    public static Output Yaml(TempDir dir, string compose, SynthOptions? options = null, MeshBackendRegistry? backends = null)
    {
        dir.File("compose.yaml", compose);
        return Project(Load(dir.Path, "compose.yaml"), dir.Sub("cdk.out"), options, backends);
    }

    public static Output Project(ComposeProject project, string outputDirectory, SynthOptions? options = null, MeshBackendRegistry? backends = null)
    {
        var result = EcsSynthesis.Synthesize(project, (options ?? new SynthOptions()) with { OutputDirectory = outputDirectory }, backends ?? Backends);
        return new Output(result, new TemplateFile(Path.Combine(outputDirectory, result.Templates[0])));
    }

    /// <summary>The plan only (no CDK), for tests about planning.</summary>
    public static EcsPlan Plan(TempDir dir, string compose, SynthOptions? options = null)
    {
        dir.File("compose.yaml", compose);
        return EcsSynthesis.Plan(Load(dir.Path, "compose.yaml"), options ?? new SynthOptions(), Backends).Plan;
    }

    /// <summary>The diagnostics of an input synthesis rejects.</summary>
    public static IReadOnlyList<Diagnostic> Errors(TempDir dir, string compose, SynthOptions? options = null)
    {
        dir.File("compose.yaml", compose);
        var project = Load(dir.Path, "compose.yaml");
        var error = Assert.Throws<InvalidInputException>(() => EcsSynthesis.Synthesize(project, (options ?? new SynthOptions()) with { OutputDirectory = dir.Sub("cdk.out") }, Backends));
        return [.. error.Errors];
    }

    public sealed record Output(SynthResult Result, TemplateFile Template)
    {
        public ImmutableArray<Diagnostic> Warnings => Result.Warnings;

        public string Directory => Result.OutputDirectory;
    }
}
