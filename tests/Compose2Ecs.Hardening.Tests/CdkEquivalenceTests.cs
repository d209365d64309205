using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// The CDK path kept honest: for every example and backend, and for an application split into
/// two levels of nested stacks, the assembly the CDK writes holds exactly the templates C# built
/// (<see cref="CdkOutput"/> lists what the CDK may change), and passes cfn-check. This is what
/// lets the other tests read the built templates (<see cref="PureSynth"/>) without Node.js.
/// </summary>
[Collection(CdkAssembliesCollection.Name)]
public class CdkEquivalenceTests(CdkAssemblies assemblies)
{
    public static TheoryData<string, string> Pairs() => Matrix.Data();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_cdk_writes_the_templates_csharp_built(string example, string backend)
    {
        var assembly = assemblies.For(example, backend);
        CdkOutput.AssertHolds(assembly.Directory, assembly.Built);
    }

    [Fact]
    public void Every_example_synthesized_through_the_cdk_with_every_backend_passes_cfn_check()
    {
        var directories = Matrix.Pairs.Select(p => assemblies.For(p.Example, p.Backend).Directory).ToArray();
        Assert.Equal(Matrix.Backends.Order(StringComparer.Ordinal), Matrix.Pairs.Select(p => p.Backend).Distinct().Order(StringComparer.Ordinal));
        var check = CfnCheck.Run(directories);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains($"{directories.Length} passed, 0 failed", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_level_tree_of_nested_stacks_is_written_as_built()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", GeneratedProject.Yaml(100));
        var options = new SynthOptions { OutputDirectory = dir.Sub("out") };
        var input = EcsSynthesis.Build(Synth.Load(dir.Path, "compose.yaml"), options, Synth.Backends);
        input = input with { Templates = TemplateBuilder.Build(input.Plan, new SplitLimits { MaxResources = 40 }) };
        Assert.Contains(input.Templates.Nested, d => d.Parent is { Length: > 0 });

        var result = EcsSynthesis.Write(input.Plan, input.Templates, input.Context, input.Backend, options);
        CdkOutput.AssertHolds(result.OutputDirectory, new PureSynth.Output(input));
    }
}
