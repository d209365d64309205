namespace Compose2Ecs.Core.Mesh.Addresses;

/// <summary>
/// Whether an environment variable's name says it holds a host (<c>FLAGD_HOST</c>, <c>db_host</c>,
/// <c>REDIS_ADDR</c>, <c>KAFKA_BROKERS</c>). A value that is a service's name and nothing more is an
/// address only in such a variable: <c>MYSQL_DATABASE=wordpress</c> and <c>POSTGRES_USER=temporal</c>
/// name a database and a user that happen to be spelled as a service.
/// </summary>
public static class HostVariables
{
    private static readonly HashSet<string> HostWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "HOST", "HOSTNAME", "HOSTS", "ADDR", "ADDRESS", "SERVER", "SERVERS", "URL", "URI", "ENDPOINT", "BROKER", "BROKERS",
    };

    /// <summary>True when the last word of <paramref name="variable"/> (split at <c>_</c>, <c>-</c>, <c>.</c>) names a host.</summary>
    public static bool IsHost(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return HostWords.Contains(variable.Split('_', '-', '.')[^1]);
    }
}
