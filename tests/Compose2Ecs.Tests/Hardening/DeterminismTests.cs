using System.Globalization;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// The same input writes byte-identical files, run after run and whatever the machine's
/// culture: no decimal commas, no Turkish dotless i, no culture-sorted keys. The templates and
/// files C# builds are compared under both cultures for every pair; the whole assembly (the
/// CDK's files, compaction, YAML) under one of them per pair, in turn, against the invariant
/// assembly of the collection.
/// </summary>
[Collection(CdkAssembliesCollection.Name)]
public class DeterminismTests(CdkAssemblies assemblies)
{
    private static readonly string[] Cultures = ["de-DE", "tr-TR"];

    public static TheoryData<string, string> Pairs() => Matrix.Data();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Built_templates_and_files_are_byte_identical_across_runs_and_cultures(string example, string backend)
    {
        using var dir = new TempDir();
        var reference = InCulture(CultureInfo.InvariantCulture, () => PureSynth.Project(Matrix.Load(example), CdkAssemblies.Options(backend)).WriteTo(dir.Sub("invariant")));
        foreach (var culture in Cultures)
        {
            var other = InCulture(new CultureInfo(culture), () => PureSynth.Project(Matrix.Load(example), CdkAssemblies.Options(backend)).WriteTo(dir.Sub(culture)));
            AssertSameFiles(reference, other, culture);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_assembly_is_byte_identical_across_runs_and_cultures(string example, string backend)
    {
        using var dir = new TempDir();
        var index = Matrix.Pairs.ToList().IndexOf((example, backend));
        var culture = Cultures[index % Cultures.Length];
        var reference = assemblies.For(example, backend).Directory;
        var other = InCulture(new CultureInfo(culture), () =>
            EcsSynthesis.Synthesize(Matrix.Load(example), CdkAssemblies.Options(backend) with { OutputDirectory = dir.Sub(culture) }, Synth.Backends).OutputDirectory);
        AssertSameFiles(reference, other, culture);
    }

    private static void AssertSameFiles(string reference, string other, string culture)
    {
        var files = Files(reference);
        Assert.Equal(files, Files(other));
        foreach (var file in files)
        {
            var same = File.ReadAllBytes(Path.Combine(reference, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, file)));
            Assert.True(same, $"{file} differs under {culture}");
        }
    }

    private static string InCulture(CultureInfo culture, Func<string> run)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static List<string> Files(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)];
}
