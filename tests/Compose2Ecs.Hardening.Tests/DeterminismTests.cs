using System.Globalization;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// The same input writes byte-identical files, run after run and whatever the machine's
/// culture: no decimal commas, no Turkish dotless i, no culture-sorted keys.
/// </summary>
public class DeterminismTests
{
    public static TheoryData<string, string> Pairs() => Matrix.Data();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Output_is_byte_identical_across_runs_and_cultures(string example, string backend)
    {
        using var dir = new TempDir();
        var reference = Run(example, backend, dir.Sub("invariant"), CultureInfo.InvariantCulture);
        foreach (var culture in new[] { "de-DE", "tr-TR" })
        {
            var other = Run(example, backend, dir.Sub(culture), new CultureInfo(culture));
            var files = Files(reference);
            Assert.Equal(files, Files(other));
            foreach (var file in files)
            {
                var same = File.ReadAllBytes(Path.Combine(reference, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, file)));
                Assert.True(same, $"{file} differs under {culture}");
            }
        }
    }

    private static string Run(string example, string backend, string output, CultureInfo culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var options = new SynthOptions { Mesh = backend, Yaml = true, OutputDirectory = output };
            return EcsSynthesis.Synthesize(Matrix.Load(example), options, Synth.Backends).OutputDirectory;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    private static List<string> Files(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)];
}
