namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// Codes of the refusals of the output folder (<c>synth -o DIR</c>, spec §8): C2E39xx, the end of the
/// ECS range. Listed with their meaning in docs/diagnostics.md.
/// </summary>
public static class OutputDiagnosticCodes
{
    /// <summary>DIR is the root folder.</summary>
    public const string RootFolder = "C2E3901";

    /// <summary>DIR is, or holds, the current directory, the project directory or an input file.</summary>
    public const string HoldsInputs = "C2E3902";

    /// <summary>DIR is a file.</summary>
    public const string IsAFile = "C2E3903";

    /// <summary>A parent of DIR is a file.</summary>
    public const string ParentIsAFile = "C2E3904";

    /// <summary>DIR cannot be read.</summary>
    public const string CannotRead = "C2E3905";

    /// <summary>DIR holds files compose2ecs did not write (no marker file).</summary>
    public const string NotOurs = "C2E3906";

    /// <summary>Writing or replacing DIR failed (read-only, no space, a path too long).</summary>
    public const string CannotWrite = "C2E3907";
}
