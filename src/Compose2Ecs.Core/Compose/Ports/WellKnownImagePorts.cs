using System.Collections.Frozen;

namespace Compose2Ecs.Core.Compose.Ports;

/// <summary>
/// The port an official image listens on when a compose file declares none (spec §2, "The port
/// of a service"). Source: each image's Docker Hub page and Dockerfile (the <c>EXPOSE</c> line
/// of the official image), e.g. postgres EXPOSE 5432, redis EXPOSE 6379. Docker Compose needs
/// no port to reach them on its network; ECS needs one for security groups and service discovery.
/// </summary>
public static class WellKnownImagePorts
{
    private static readonly FrozenDictionary<string, int> ByRepository = new Dictionary<string, int>
    {
        ["postgres"] = 5432, ["postgis"] = 5432, ["mysql"] = 3306, ["mariadb"] = 3306,
        ["redis"] = 6379, ["valkey"] = 6379, ["mongo"] = 27017, ["mongodb"] = 27017,
        ["rabbitmq"] = 5672, ["memcached"] = 11211, ["elasticsearch"] = 9200, ["opensearch"] = 9200,
        ["kafka"] = 9092, ["cp-kafka"] = 9092, ["zookeeper"] = 2181, ["cp-zookeeper"] = 2181,
        ["nats"] = 4222, ["cassandra"] = 9042, ["mssql-server"] = 1433, ["influxdb"] = 8086,
        ["etcd"] = 2379, ["consul"] = 8500, ["minio"] = 9000, ["couchdb"] = 5984, ["neo4j"] = 7687,
        ["clickhouse-server"] = 8123, ["keycloak"] = 8080, ["jaeger"] = 16686, ["all-in-one"] = 16686,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The well-known port of <paramref name="image"/>'s repository (registry, tag and digest ignored), or null.</summary>
    public static int? For(string? image) =>
        image is not null && ByRepository.TryGetValue(Repository(image), out var port) ? port : null;

    /// <summary><c>registry:5000/library/postgres:16@sha256:..</c> → <c>postgres</c>.</summary>
    public static string Repository(string image)
    {
        var name = image.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var last = lastSlash < 0 ? name : name[(lastSlash + 1)..];
        var colon = last.IndexOf(':');
        return colon < 0 ? last : last[..colon];
    }
}
