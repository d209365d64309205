using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A listener on a well-known port of a protocol that is not HTTP (5432 postgres, 6379 redis, ...)
/// whose mesh protocol is http, http2 or grpc: the proxies would parse the bytes as HTTP and the
/// traffic breaks. A warning, as the port may really serve HTTP; only a real mesh cares.
/// </summary>
internal static class NonHttpPorts
{
    private static readonly Dictionary<int, string> Known = new()
    {
        [25] = "smtp", [587] = "smtp", [1433] = "sql server", [1521] = "oracle", [2181] = "zookeeper", [3306] = "mysql",
        [4222] = "nats", [5432] = "postgres", [5672] = "amqp", [6379] = "redis", [9042] = "cassandra", [9092] = "kafka",
        [11211] = "memcached", [27017] = "mongodb",
    };

    public static void Warn(NodeReader fields, IEnumerable<ServiceDraft> drafts, string backend)
    {
        if (backend == MeshBackends.None)
        {
            return;
        }

        foreach (var draft in drafts)
        {
            if (draft.Mesh?.Listener is { Protocol: not MeshProtocol.Tcp } listener && Known.TryGetValue(listener.Port, out var what))
            {
                fields.Warning(listener.ProtocolLocation, MeshDiagnosticCodes.NonHttpPortAsHttp, $"services.{draft.Name}.x-mesh",
                    $"port {listener.Port} is {what}, not {listener.Protocol.Name()}, so its traffic will break through the mesh's {listener.Protocol.Name()} proxies; "
                    + "set x-mesh.protocol: tcp (or app_protocol: tcp on the port)");
            }
        }
    }
}
