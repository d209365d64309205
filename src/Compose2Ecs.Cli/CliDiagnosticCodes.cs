namespace Compose2Ecs.Cli;

/// <summary>
/// Codes of the command line's own findings (C2E7xxx), listed with their meaning in
/// docs/diagnostics.md.
/// </summary>
public static class CliDiagnosticCodes
{
    /// <summary><c>graph</c>: more arrows than Mermaid draws by default (500).</summary>
    public const string GraphTooBigForMermaid = "C2E7001";

    /// <summary>Node.js is past its end of life (still used; a newer one is recommended).</summary>
    public const string NodeEndOfLife = "C2E7002";

    /// <summary><c>synth -f -</c> without <c>--layout</c> for an application split into nested stacks: no stack layout is read or written, so placement is not kept.</summary>
    public const string LayoutNotKept = "C2E7003";

    /// <summary><c>graph --format svg|png</c> without the Mermaid CLI (<c>mmdc</c>) on PATH.</summary>
    public const string MermaidCliMissing = "C2E7004";

    /// <summary><c>graph --format svg|png</c>: <c>mmdc</c> failed or wrote no file.</summary>
    public const string MermaidCliFailed = "C2E7005";

    /// <summary>The machine refused a read or write (a read-only folder, a full disk, a missing parent, no permission).</summary>
    public const string FileSystem = "C2E7006";

    /// <summary>A prerequisite is missing or too old (Node.js, for synth).</summary>
    public const string MissingPrerequisite = "C2E7007";

    /// <summary>A bug in compose2ecs: an exception no input should cause.</summary>
    public const string InternalError = "C2E7008";

    /// <summary>The summary line of warnings that <c>--warnings-as-errors</c> made errors.</summary>
    public const string WarningsPromoted = "C2E7009";
}
