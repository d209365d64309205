namespace Compose2Ecs.Trace;

/// <summary>Codes of <c>trace</c>'s findings (C2E9xxx). Listed with their meaning in docs/diagnostics.md.</summary>
public static class TraceDiagnosticCodes
{
    /// <summary>The cloud assembly given with <c>--app</c> cannot be read: a missing or unreadable file, or not the JSON the CDK writes.</summary>
    public const string UnreadableAssembly = "C2E9001";
}
