using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Settings;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs;

/// <summary>What a synthesis produced.</summary>
/// <param name="Templates">The template files written, relative to the output directory, root first.</param>
public sealed record SynthResult(string OutputDirectory, ImmutableArray<string> Templates, EcsPlan Plan, TemplateSet TemplateSet)
{
    /// <summary>Warnings about the conversion (not the loader's), in file, line and column order.</summary>
    public ImmutableArray<Diagnostic> Warnings => SynthInput.Ordered(Plan, TemplateSet);
}

/// <summary>What synthesis hands to the CDK stage: the sized plan and its templates, built in pure C#.</summary>
public sealed record SynthInput(EcsPlan Plan, TemplateSet Templates, BackendContext Context, IMeshBackend Backend)
{
    /// <summary>Warnings about the conversion (not the loader's), in file, line and column order: those synthesis reports.</summary>
    public ImmutableArray<Diagnostic> Warnings => Ordered(Plan, Templates);

    internal static ImmutableArray<Diagnostic> Ordered(EcsPlan plan, TemplateSet templates) =>
        [.. plan.Warnings.Concat(templates.Warnings)
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}

/// <summary>
/// <c>compose2ecs synth</c> as a library call: settings → backend check → ECS base plan →
/// backend transform → Fargate sizing → templates (pure so far) → CDK cloud assembly, written
/// to a staging directory and moved into place only when everything succeeded.
/// </summary>
public static class EcsSynthesis
{
    /// <summary>The final plan and the context the backend saw, without touching the CDK.</summary>
    public static (EcsPlan Plan, BackendContext Context, IMeshBackend Backend) Plan(ComposeProject project, SynthOptions options, MeshBackendRegistry backends)
    {
        // The mesh model reads and checks x-mesh, then runs the chosen backend's own checks.
        var mesh = MeshReader.Read(project, options.Mesh, backends.All);
        var backend = backends.Find(mesh.Backend)
            ?? throw new InvalidInputException(mesh.BackendLocation, Compose2Ecs.Core.Mesh.MeshDiagnosticCodes.NotAChoice,
                $"x-mesh.backend: the backend \"{mesh.Backend}\" is not available in this build; use one of {string.Join(", ", backends.Names)}");

        var settings = EcsSettingsReader.Read(project, mesh, options);
        var context = new BackendContext { Project = project, Settings = settings, Mesh = mesh };
        var plan = EcsPlanner.Plan(project, settings).AddWarnings(mesh.Warnings);
        plan = backend.Transform(plan, context);
        return (FargateSizer.Apply(plan), context, backend);
    }

    /// <summary>
    /// Everything before the CDK: the final plan and the templates C# writes for it (root and
    /// nested). The CDK includes exactly these templates (<see cref="TemplateJson.Text"/>), so
    /// tests about plan or template data read them here, without Node.js.
    /// </summary>
    public static SynthInput Build(ComposeProject project, SynthOptions options, MeshBackendRegistry backends)
    {
        var (plan, context, backend) = Plan(project, options, backends);
        return new SynthInput(plan, TemplateBuilder.Build(plan, layout: options.Layout), context, backend);
    }

    public static SynthResult Synthesize(ComposeProject project, SynthOptions options, MeshBackendRegistry backends)
    {
        var input = Build(project, options, backends);
        return Write(input.Plan, input.Templates, options);
    }

    /// <summary>The CDK stage alone: emits built templates into the output directory.</summary>
    public static SynthResult Write(EcsPlan plan, TemplateSet templates, SynthOptions options)
    {
        var written = ImmutableArray<string>.Empty;
        var scratch = Path.Combine(Path.GetTempPath(), $"compose2ecs-{Guid.NewGuid():N}");
        try
        {
            OutputDirectory.Replace(options.OutputDirectory, staging =>
            {
                CdkAssembly.Synthesize(templates, plan, staging, scratch);
                CompactTemplates.Rewrite(staging);
                if (options.Yaml)
                {
                    YamlTemplates.WriteBeside(staging);
                }

                WriteFiles(plan, staging);

                written = [.. TemplateFiles(staging, plan.StackName)];
            });
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return new SynthResult(Path.GetFullPath(options.OutputDirectory), written, plan, templates);
    }

    /// <summary>The plan's extra files (a backend's), each kept inside the output directory.</summary>
    private static void WriteFiles(EcsPlan plan, string directory)
    {
        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        foreach (var file in plan.Files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, file.RelativePath));
            if (!path.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(file.RelativePath))
            {
                throw new InvalidOperationException($"output file {file.RelativePath} would be written outside the output directory");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content.ReplaceLineEndings("\n"));
        }
    }

    private static IEnumerable<string> TemplateFiles(string directory, string stackName)
    {
        var root = $"{stackName}.template.json";
        return Directory.GetFiles(directory, "*.template.*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderBy(f => f.StartsWith(stackName + ".template.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal)
            .Where(f => f == root || f.EndsWith(".template.json", StringComparison.Ordinal) || f.EndsWith(".template.yaml", StringComparison.Ordinal));
    }
}
