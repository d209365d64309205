namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// The file compose2ecs writes into every cloud assembly. A folder holding it is an assembly
/// compose2ecs wrote before, which the next <c>synth -o</c> may replace; any other non-empty
/// folder is refused (spec §8): compose2ecs never deletes a file it did not write.
/// </summary>
public static class AssemblyMarker
{
    public const string FileName = ".compose2ecs-assembly";

    /// <summary>Fixed text (no version, no time) so output stays byte-identical run to run.</summary>
    public const string Content = "compose2ecs cloud assembly (format 1): `compose2ecs synth -o` replaces this folder whole\n";

    public static void WriteInto(string directory) => File.WriteAllText(Path.Combine(directory, FileName), Content);

    public static bool IsIn(string directory) => File.Exists(Path.Combine(directory, FileName));
}
