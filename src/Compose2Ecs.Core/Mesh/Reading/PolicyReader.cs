using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads a listener's policies: <c>health_check</c>, <c>timeout</c>, <c>outlier_detection</c>,
/// <c>connection_pool</c> (spec §2). The listener's protocol decides which fields make sense.
/// </summary>
internal sealed class PolicyReader(NodeReader fields)
{
    public MeshHealthCheck? HealthCheck(MappingEntry entry, string path, MeshProtocol protocol)
    {
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.HealthCheck);
        string? checkPath = null;
        if (map.Find("path") is { } pathEntry)
        {
            if (protocol is not (MeshProtocol.Http or MeshProtocol.Http2))
            {
                fields.Error(pathEntry.Key.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.path",
                    $"a {protocol.Name()} listener has no paths to check; remove path (its health check connects{(protocol == MeshProtocol.Grpc ? " and calls grpc.health.v1" : "")})");
            }
            else if (fields.Text(pathEntry.Value, $"{path}.path") is { } text)
            {
                if (!text.StartsWith('/'))
                {
                    fields.Error(pathEntry.Value.Location, MeshDiagnosticCodes.InvalidMatch, $"{path}.path", $"\"{text}\" must start with '/', such as /healthz");
                }

                checkPath = text;
            }
        }
        else if (protocol is MeshProtocol.Http or MeshProtocol.Http2)
        {
            checkPath = MeshHealthCheck.DefaultPath;
        }

        var interval = map["interval"] is { } i ? fields.Duration(i, $"{path}.interval") : null;
        var timeout = map["timeout"] is { } t ? fields.Duration(t, $"{path}.timeout") : null;
        var check = new MeshHealthCheck(
            checkPath,
            interval ?? MeshHealthCheck.DefaultInterval,
            timeout ?? MeshHealthCheck.DefaultTimeout,
            map["healthy_threshold"] is { } h ? fields.Int(h, $"{path}.healthy_threshold", 1, 10) ?? MeshHealthCheck.DefaultHealthyThreshold : MeshHealthCheck.DefaultHealthyThreshold,
            map["unhealthy_threshold"] is { } u ? fields.Int(u, $"{path}.unhealthy_threshold", 1, 10) ?? MeshHealthCheck.DefaultUnhealthyThreshold : MeshHealthCheck.DefaultUnhealthyThreshold,
            entry.Key.Location);

        // A check that times out after the next one starts overlaps itself: every backend rejects it.
        if (check.Timeout >= check.Interval && map["timeout"] is { } timeoutNode)
        {
            fields.Error(timeoutNode.Location, MeshDiagnosticCodes.OutOfRange, $"{path}.timeout",
                $"must be shorter than the interval ({Compose.Syntax.Durations.Format(check.Interval)}); shorten timeout or lengthen interval");
        }

        return check;
    }

    public MeshTimeouts? Timeouts(MappingEntry entry, string path, MeshProtocol protocol)
    {
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.Timeout);
        var perRequest = map.Find("per_request");
        if (perRequest is not null && protocol == MeshProtocol.Tcp)
        {
            fields.Error(perRequest.Key.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.per_request", "a tcp listener has no requests; use idle, or set the protocol to http, http2 or grpc");
            perRequest = null;
        }

        return new MeshTimeouts(
            perRequest is not null ? fields.Duration(perRequest.Value, $"{path}.per_request") : null,
            map["idle"] is { } idle ? fields.Duration(idle, $"{path}.idle", zeroDisables: true) : null,
            entry.Key.Location)
        {
            PerRequestLocation = perRequest?.Value.Location ?? Diagnostics.SourceLocation.None,
            IdleLocation = map["idle"]?.Location ?? Diagnostics.SourceLocation.None,
        };
    }

    public OutlierDetection? OutlierDetection(MappingEntry entry, string path)
    {
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.OutlierDetection);
        return new OutlierDetection(
            map["max_server_errors"] is { } e ? fields.Int(e, $"{path}.max_server_errors", 1, int.MaxValue) ?? Mesh.OutlierDetection.DefaultMaxServerErrors : Mesh.OutlierDetection.DefaultMaxServerErrors,
            map["interval"] is { } i ? fields.Duration(i, $"{path}.interval") ?? Mesh.OutlierDetection.DefaultInterval : Mesh.OutlierDetection.DefaultInterval,
            map["base_ejection"] is { } b ? fields.Duration(b, $"{path}.base_ejection") ?? Mesh.OutlierDetection.DefaultBaseEjection : Mesh.OutlierDetection.DefaultBaseEjection,
            map["max_ejection_percent"] is { } p ? fields.Int(p, $"{path}.max_ejection_percent", 0, 100) ?? Mesh.OutlierDetection.DefaultMaxEjectionPercent : Mesh.OutlierDetection.DefaultMaxEjectionPercent,
            entry.Key.Location);
    }

    public ConnectionPool? ConnectionPool(MappingEntry entry, string path, MeshProtocol protocol)
    {
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.ConnectionPool);
        if (protocol == MeshProtocol.Tcp)
        {
            foreach (var key in new[] { "max_pending_requests", "max_requests" })
            {
                if (map.Find(key) is { } requestKey)
                {
                    fields.Error(requestKey.Key.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.{key}", "a tcp listener has no requests; use max_connections, or set the protocol to http, http2 or grpc");
                }
            }
        }

        return new ConnectionPool(
            map["max_connections"] is { } c ? fields.Int(c, $"{path}.max_connections", 1, int.MaxValue) : null,
            map["max_pending_requests"] is { } p && protocol != MeshProtocol.Tcp ? fields.Int(p, $"{path}.max_pending_requests", 1, int.MaxValue) : null,
            map["max_requests"] is { } r && protocol != MeshProtocol.Tcp ? fields.Int(r, $"{path}.max_requests", 1, int.MaxValue) : null,
            entry.Key.Location);
    }
}
