using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Testing;

/// <summary>
/// Synthesis without the CDK: load → mesh model → plan → templates, through
/// <see cref="EcsSynthesis.Build"/>, the call <c>synth</c> makes before it hands the templates to
/// the CDK. Milliseconds where a CDK synthesis costs seconds; a test about plan or template data
/// belongs here. What only the CDK adds (asset URLs and metadata on nested stack resources, the
/// manifest, tree.json) needs <see cref="Synth"/>; see docs/testing.md.
/// </summary>
public static class PureSynth
{
    /// <summary>Writes <paramref name="compose"/> as compose.yaml in <paramref name="dir"/>, loads it and builds its templates.</summary>
    public static Output Yaml(TempDir dir, string compose, SynthOptions? options = null, MeshBackendRegistry? backends = null)
    {
        dir.File("compose.yaml", compose);
        return Project(Synth.Load(dir.Path, "compose.yaml"), options, backends);
    }

    public static Output Project(ComposeProject project, SynthOptions? options = null, MeshBackendRegistry? backends = null) =>
        new(EcsSynthesis.Build(project, options ?? new SynthOptions(), backends ?? Synth.Backends));

    /// <summary>The plan and the templates, as the CDK receives them.</summary>
    public sealed class Output(SynthInput input)
    {
        public SynthInput Input { get; } = input;

        public EcsPlan Plan => Input.Plan;

        public TemplateSet TemplateSet => Input.Templates;

        /// <summary>The warnings <c>synth</c> reports, in the same order.</summary>
        public ImmutableArray<Diagnostic> Warnings => Input.Warnings;

        /// <summary>The root template, named <c>STACK.template.json</c> as synthesis names it.</summary>
        public TemplateFile Template { get; } = TemplateFile.FromText($"{input.Plan.StackName}.template.json", TemplateJson.Text(input.Templates.Root));

        /// <summary>The nested templates, each named <c>ID.template.json</c> (its stack resource's TemplateURL before the CDK replaces it).</summary>
        public IReadOnlyList<TemplateFile> Nested { get; } = [.. input.Templates.Nested.Select(d => TemplateFile.FromText($"{d.Id}.template.json", TemplateJson.Text(d)))];

        public IEnumerable<TemplateFile> All => Nested.Prepend(Template);

        /// <summary>
        /// Writes every template and the plan's extra files (a backend's, such as Consul config entries) into
        /// <paramref name="directory"/>, for cfn-check or reading files back; returns the directory.
        /// </summary>
        public string WriteTo(string directory)
        {
            Directory.CreateDirectory(directory);
            foreach (var template in All)
            {
                File.WriteAllText(System.IO.Path.Combine(directory, template.Path), template.Text);
            }

            foreach (var file in Plan.Files)
            {
                var path = System.IO.Path.Combine(directory, file.RelativePath);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content.ReplaceLineEndings("\n"));
            }

            return directory;
        }
    }
}
