using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Trace.Calls;

/// <summary>An address in an environment value: <c>http://api:8080/x</c>, <c>db:5432</c>, <c>redis://cache:6379/0</c>, a bare <c>db</c>.</summary>
public sealed record Address(string? Scheme, string Host, int? Port);

/// <summary>Finds the addresses in environment values, and what protocol a scheme or a well-known port carries.</summary>
public static partial class AddressParser
{
    public static IEnumerable<Address> Find(string value)
    {
        foreach (Match m in UrlOrHostPort().Matches(value))
        {
            var scheme = m.Groups["scheme"].Success ? m.Groups["scheme"].Value.ToLowerInvariant() : null;
            int? port = m.Groups["port"].Success && int.TryParse(m.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            if (scheme is null && port is null)
            {
                continue;
            }

            yield return new Address(scheme, m.Groups["host"].Value.ToLowerInvariant(), port ?? DefaultPort(scheme));
        }

        // A value that is only a host name (DATABASE_HOST=db).
        if (BareHost().IsMatch(value))
        {
            yield return new Address(null, value.ToLowerInvariant(), null);
        }
    }

    public static int? DefaultPort(string? scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "postgres" or "postgresql" => 5432,
        "mysql" => 3306,
        "redis" => 6379,
        "amqp" => 5672,
        "mongodb" => 27017,
        "memcached" => 11211,
        _ => null,
    };

    /// <summary>What the connection carries: the scheme's protocol, else a well-known non-HTTP port's (tcp), else <paramref name="fallback"/>.</summary>
    public static MeshProtocol Protocol(string? scheme, int port, MeshProtocol fallback) => scheme switch
    {
        "http" or "https" or "ws" or "wss" => MeshProtocol.Http,
        "grpc" or "grpcs" => MeshProtocol.Grpc,
        not null => MeshProtocol.Tcp,
        null when NonHttpPorts.Contains(port) => MeshProtocol.Tcp,
        _ => fallback,
    };

    /// <summary>Ports of databases, caches and brokers: their clients never speak HTTP.</summary>
    public static readonly IReadOnlySet<int> NonHttpPorts = new HashSet<int> { 5432, 3306, 6379, 27017, 5672, 11211, 9042, 1433, 1521, 4222, 2181, 9092, 26257, 6650 };

    [GeneratedRegex(@"(?:(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?(?:[^@/\s:]+(?::[^@/\s]*)?@)?(?<host>[A-Za-z0-9_][A-Za-z0-9_.-]*)(?::(?<port>\d{1,5}))?")]
    private static partial Regex UrlOrHostPort();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex BareHost();
}
