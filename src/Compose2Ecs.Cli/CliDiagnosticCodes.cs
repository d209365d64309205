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
}
