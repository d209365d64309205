namespace Compose2Ecs.Core.Compose.Ports;

/// <summary>
/// The port a URL scheme implies when the URL writes none (<c>redis://redis</c> is 6379), for the
/// schemes of the services compose files most often leave without a port.
/// </summary>
public static class SchemePorts
{
    private static readonly Dictionary<string, int> Ports = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = 80,
        ["ws"] = 80,
        ["https"] = 443,
        ["wss"] = 443,
        ["postgres"] = 5432,
        ["postgresql"] = 5432,
        ["jdbc:postgresql"] = 5432,
        ["mysql"] = 3306,
        ["jdbc:mysql"] = 3306,
        ["jdbc:mariadb"] = 3306,
        ["redis"] = 6379,
        ["amqp"] = 5672,
        ["mongodb"] = 27017,
        ["nats"] = 4222,
        ["memcached"] = 11211,
    };

    /// <summary>The scheme's default port; null for no scheme or one not listed.</summary>
    public static int? For(string? scheme) => scheme is not null && Ports.TryGetValue(scheme, out var port) ? port : null;
}
