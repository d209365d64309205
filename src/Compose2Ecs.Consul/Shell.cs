namespace Compose2Ecs.Consul;

/// <summary>
/// The one way a value enters a generated <c>/bin/sh -ec</c> script: as a single-quoted POSIX
/// shell word, inside which the shell expands nothing (<c>$()</c>, backticks, <c>;</c>,
/// newlines are all literal). A single quote closes the word, adds an escaped quote and reopens it.
/// </summary>
internal static class Shell
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
