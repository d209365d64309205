using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// The CDK path kept honest: for every example and backend the assembly the CDK writes holds
/// exactly the templates C# built (<see cref="CdkOutput"/> lists what the CDK may change), and
/// passes cfn-check (nested stacks: Ecs.Tests' SplittingTests). This is what lets the other
/// tests read the built templates (<see cref="PureSynth"/>) without Node.js.
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
}
