using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Schema;

/// <summary>
/// One compose file's tree as the JSON compose-go validates: after interpolation, where an
/// interpolated value is a string except at the paths compose-go casts (<c>deploy.replicas</c>,
/// <c>init</c>, ...), and without the <c>!reset</c> nodes its reset processor drops.
/// </summary>
internal static class SchemaInstance
{
    private enum Cast
    {
        Int,
        Float,
        Bool,
    }

    /// <summary>compose-go's loader/interpolate.go interpolateTypeCastMapping ("*" matches any key or index).</summary>
    private static readonly (string[] Path, Cast Cast)[] Casts =
    [
        .. new (string Path, Cast Cast)[]
        {
            ("services.*.cpu_count", Cast.Int), ("services.*.cpu_percent", Cast.Float), ("services.*.cpu_period", Cast.Int),
            ("services.*.cpu_quota", Cast.Int), ("services.*.cpu_rt_period", Cast.Int), ("services.*.cpu_rt_runtime", Cast.Int),
            ("services.*.cpus", Cast.Float), ("services.*.cpu_shares", Cast.Int), ("services.*.init", Cast.Bool),
            ("services.*.depends_on.*.required", Cast.Bool), ("services.*.depends_on.*.restart", Cast.Bool),
            ("services.*.deploy.replicas", Cast.Int), ("services.*.deploy.update_config.parallelism", Cast.Int),
            ("services.*.deploy.update_config.max_failure_ratio", Cast.Float), ("services.*.deploy.rollback_config.parallelism", Cast.Int),
            ("services.*.deploy.rollback_config.max_failure_ratio", Cast.Float), ("services.*.deploy.restart_policy.max_attempts", Cast.Int),
            ("services.*.deploy.placement.max_replicas_per_node", Cast.Int), ("services.*.healthcheck.retries", Cast.Int),
            ("services.*.healthcheck.disable", Cast.Bool), ("services.*.oom_kill_disable", Cast.Bool), ("services.*.oom_score_adj", Cast.Int),
            ("services.*.pids_limit", Cast.Int), ("services.*.ports.*.target", Cast.Int), ("services.*.privileged", Cast.Bool),
            ("services.*.read_only", Cast.Bool), ("services.*.scale", Cast.Int), ("services.*.stdin_open", Cast.Bool), ("services.*.tty", Cast.Bool),
            ("services.*.ulimits.*", Cast.Int), ("services.*.ulimits.*.hard", Cast.Int), ("services.*.ulimits.*.soft", Cast.Int),
            ("services.*.volumes.*.read_only", Cast.Bool), ("services.*.volumes.*.volume.nocopy", Cast.Bool),
            ("networks.*.external", Cast.Bool), ("networks.*.internal", Cast.Bool), ("networks.*.attachable", Cast.Bool),
            ("networks.*.enable_ipv4", Cast.Bool), ("networks.*.enable_ipv6", Cast.Bool), ("volumes.*.external", Cast.Bool),
            ("secrets.*.external", Cast.Bool), ("configs.*.external", Cast.Bool),
        }.Select(c => (c.Path.Split('.'), c.Cast)),
    ];

    /// <summary>
    /// The JSON of <paramref name="interpolated"/>; <paramref name="parsed"/> is the same tree
    /// before interpolation (same shape), which tells which scalars were interpolated.
    /// </summary>
    public static JsonDocument ToJson(MappingNode parsed, MappingNode interpolated)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth }))
        {
            Write(writer, parsed, interpolated, []);
        }

        return JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = MaxDepth });
    }

    /// <summary>Past the YAML reader's own nesting bound (200), so any tree it accepts fits (JSON's default is 64).</summary>
    private const int MaxDepth = 256;

    /// <summary>Whether a node is left out of the instance (and out of the indexes a pointer counts).</summary>
    public static bool IsDropped(Node node) => node.Tag == "!reset";

    private static void Write(Utf8JsonWriter writer, Node? parsed, Node node, List<string> path)
    {
        switch (node)
        {
            case MappingNode map:
                writer.WriteStartObject();
                var parsedMap = parsed as MappingNode;
                for (var i = 0; i < map.Entries.Length; i++)
                {
                    var entry = map.Entries[i];
                    if (IsDropped(entry.Value))
                    {
                        continue;
                    }

                    writer.WritePropertyName(entry.Name);
                    path.Add(entry.Name);
                    var before = parsedMap is not null && i < parsedMap.Entries.Length ? parsedMap.Entries[i].Value : null;
                    Write(writer, before, entry.Value, path);
                    path.RemoveAt(path.Count - 1);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode seq:
                writer.WriteStartArray();
                var parsedSeq = parsed as SequenceNode;
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (IsDropped(seq.Items[i]))
                    {
                        continue;
                    }

                    path.Add(i.ToString(CultureInfo.InvariantCulture));
                    Write(writer, parsedSeq is not null && i < parsedSeq.Items.Length ? parsedSeq.Items[i] : null, seq.Items[i], path);
                    path.RemoveAt(path.Count - 1);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode scalar:
                var interpolated = parsed is ScalarNode { Style: ScalarStyle.Plain } before2 && before2.Value.Contains('$', StringComparison.Ordinal);
                WriteScalar(writer, scalar, interpolated ? CastAt(path) : null, interpolated);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarNode scalar, Cast? cast, bool interpolated)
    {
        var text = scalar.Value;
        if (interpolated)
        {
            // compose-go interpolates strings: the result stays a string unless its path is cast.
            switch (cast)
            {
                case Cast.Int when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                    writer.WriteNumberValue(i);
                    return;
                case Cast.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f):
                    writer.WriteNumberValue(f);
                    return;
                case Cast.Bool when ParseBool(text) is { } b:
                    writer.WriteBooleanValue(b);
                    return;
                default:
                    writer.WriteStringValue(text);
                    return;
            }
        }

        switch (scalar.Type)
        {
            case ScalarType.Null:
                writer.WriteNullValue();
                return;
            case ScalarType.Bool when CoreSchema.TryGetBool(text, out var b):
                writer.WriteBooleanValue(b);
                return;
            case ScalarType.Int when CoreSchema.TryGetInt(text, out var i):
                writer.WriteNumberValue(i);
                return;
            case ScalarType.Int or ScalarType.Float when CoreSchema.TryGetFloat(text, out var f) && double.IsFinite(f):
                writer.WriteNumberValue(f);
                return;
            default:
                writer.WriteStringValue(text);
                return;
        }
    }

    /// <summary>compose-go's toBoolean: YAML 1.1's words too, whatever their case.</summary>
    private static bool? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "y" or "yes" or "on" => true,
        "false" or "n" or "no" or "off" => false,
        _ => null,
    };

    private static Cast? CastAt(List<string> path)
    {
        foreach (var (pattern, cast) in Casts)
        {
            if (pattern.Length != path.Count)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < pattern.Length && matches; i++)
            {
                matches = pattern[i] == "*" || pattern[i] == path[i];
            }

            if (matches)
            {
                return cast;
            }
        }

        return null;
    }
}
