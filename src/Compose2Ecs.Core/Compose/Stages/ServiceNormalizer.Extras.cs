using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>The less common service keys compose-go normalizes: devices, extra_hosts, gpus, models, blkio, develop, hooks, provider, label_file.</summary>
internal sealed partial class ServiceNormalizer
{
    /// <summary>"source[:target[:permissions]]" to {source, target, permissions}, as compose-go prints devices.</summary>
    private Node Devices(Node node, string path) => EachItem(node, path, "a list of devices", (item, itemPath) =>
    {
        if (item is MappingNode map)
        {
            return [map];
        }

        if (item is not ScalarNode { IsNull: false } scalar)
        {
            _check.Error(item, ComposeDiagnosticCodes.WrongType, itemPath, $"must be \"host:container[:permissions]\" or a mapping, not {item.KindName}");
            return [];
        }

        var parts = scalar.Value.Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
        {
            _check.Error(item, ComposeDiagnosticCodes.InvalidValue, itemPath, $"\"{scalar.Value}\": expected host:container[:permissions]");
            return [];
        }

        var at = item.Location;
        return [new MappingNode(
        [
            new(ScalarNode.String("source", at), ScalarNode.String(parts[0], at)),
            new(ScalarNode.String("target", at), ScalarNode.String(parts.Length > 1 ? parts[1] : parts[0], at)),
            new(ScalarNode.String("permissions", at), ScalarNode.String(parts.Length > 2 ? parts[2] : "rwm", at)),
        ], at)];
    });

    /// <summary>extra_hosts as compose-go prints them: sorted "host=ip", one per address (a mapping, "host:ip", "host=ip1,ip2").</summary>
    private Node ExtraHosts(Node node, string path)
    {
        var hosts = new List<string>();
        switch (node)
        {
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    var addresses = _check.StringList(entry.Value, $"{path}.{entry.Name}") ?? [];
                    hosts.AddRange(addresses.SelectMany(a => a.Split(',')).Select(a => $"{entry.Name}={a.Trim()}"));
                }

                break;
            case SequenceNode seq:
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (_check.Text(seq.Items[i], $"{path}[{i}]") is not { } text)
                    {
                        continue;
                    }

                    var separator = text.IndexOf('=', StringComparison.Ordinal) is var eq && eq >= 0 ? eq : text.IndexOf(':', StringComparison.Ordinal);
                    if (separator <= 0)
                    {
                        _check.Error(seq.Items[i], ComposeDiagnosticCodes.InvalidValue, $"{path}[{i}]", $"\"{text}\": expected host=ip or host:ip");
                        continue;
                    }

                    var host = text[..separator];
                    hosts.AddRange(text[(separator + 1)..].Split(',').Select(a => $"{host}={a.Trim()}"));
                }

                break;
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a list of \"host=ip\" or a mapping of host to ip, not {node.KindName}");
                return node;
        }

        return new SequenceNode([.. hosts.Order(StringComparer.Ordinal).Select(h => (Node)ScalarNode.String(h, node.Location))], node.Location);
    }

    /// <summary>gpus: "all" is every GPU (count -1); an entry naming neither count nor device_ids means all, too.</summary>
    private Node Gpus(Node node, string path)
    {
        var at = node.Location;
        var all = new MappingEntry(ScalarNode.String("count", at), ScalarNode.Int(-1, at));
        if (node is ScalarNode { IsNull: false, Value: "all" })
        {
            return new SequenceNode([new MappingNode([all], at)], at);
        }

        return EachItem(node, path, "\"all\" or a list of devices", (item, itemPath) =>
        {
            if (_check.Mapping(item, itemPath) is not { } map)
            {
                return [];
            }

            return [map["count"] is null && map["device_ids"] is null ? map.With("count", all.Value) : DeviceCount(map, itemPath)];
        });
    }

    /// <summary>A device request's count: a number or "all" (-1), never together with device_ids.</summary>
    private MappingNode DeviceCount(MappingNode map, string path)
    {
        if (map["count"] is not ScalarNode { IsNull: false } count)
        {
            return map;
        }

        if (map["device_ids"] is not null)
        {
            _check.Error(count, ComposeDiagnosticCodes.ConflictingKeys, $"{path}.count", "count and device_ids cannot both be set; keep one of them");
        }

        if (count.Value == "all")
        {
            return map.With("count", ScalarNode.Int(-1, count.Location));
        }

        if (!CoreSchema.TryGetInt(count.Value, out _))
        {
            _check.Error(count, ComposeDiagnosticCodes.InvalidValue, $"{path}.count", $"\"{count.Value}\" is not a count; write a number or \"all\"");
        }

        return map;
    }

    /// <summary>models: a list of names is a mapping of name to nothing.</summary>
    private Node Models(Node node, string path) => node is SequenceNode
        ? new MappingNode([.. (_check.StringList(node, path) ?? []).Select(n => new MappingEntry(ScalarNode.String(n, node.Location), ScalarNode.Null(node.Location)))], node.Location)
        : node;

    /// <summary>blkio_config: device rates in bytes (device_read_bps: 1024k is 1048576).</summary>
    private Node Blkio(Node node, string path)
    {
        if (_check.Mapping(node, path) is not { } map)
        {
            return node;
        }

        var result = map;
        foreach (var key in new[] { "device_read_bps", "device_write_bps" })
        {
            if (map[key] is SequenceNode rates)
            {
                result = result.With(key, rates with
                {
                    Items = [.. rates.Items.Select((r, i) => r is MappingNode m && m["rate"] is { } rate ? m.With("rate", ByteSize(rate, $"{path}.{key}[{i}].rate")) : r)],
                });
            }
        }

        return result;
    }

    /// <summary>develop.watch: each rule needs an action; its path is a host path.</summary>
    private Node Develop(Node node, string path)
    {
        if (_check.Mapping(node, path) is not { } map || map["watch"] is not SequenceNode watch)
        {
            return node;
        }

        var rules = ImmutableArray.CreateBuilder<Node>();
        for (var i = 0; i < watch.Items.Length; i++)
        {
            var rulePath = $"{path}.watch[{i}]";
            if (_check.Mapping(watch.Items[i], rulePath) is not { } rule)
            {
                continue;
            }

            if (rule["action"] is null)
            {
                _check.Error(rule, ComposeDiagnosticCodes.MissingKey, rulePath, "a watch rule needs \"action\" (sync, rebuild, restart, sync+restart, sync+exec)");
            }

            rules.Add(rule["path"] is ScalarNode { IsNull: false } p
                ? rule.With("path", ScalarNode.String(LocalPaths.Resolve(p.Value, _baseDirectory, _home), p.Location))
                : rule);
        }

        return map.With("watch", watch with { Items = rules.ToImmutable() });
    }

    /// <summary>pre_start, post_start, pre_stop: commands split like command, environment as a mapping.</summary>
    private Node Hooks(Node node, string path) => EachItem(node, path, "a list of hooks", (item, itemPath) =>
    {
        if (_check.Mapping(item, itemPath) is not { } hook)
        {
            return [];
        }

        if (hook["command"] is { } command)
        {
            hook = hook.With("command", CommandLine(command, $"{itemPath}.command"));
        }

        if (hook["environment"] is { } environment)
        {
            hook = hook.With("environment", Environment(environment, $"{itemPath}.environment"));
        }

        return [hook];
    });

    /// <summary>provider.options: each value a list of strings, as compose-go holds them.</summary>
    private Node Provider(Node node, string path)
    {
        if (_check.Mapping(node, path) is not { } provider || provider["options"] is not MappingNode options)
        {
            return node;
        }

        var entries = options.Entries.Select(e => e with { Value = StringList(e.Value, $"{path}.options.{e.Name}") });
        return provider.With("options", options with { Entries = [.. entries] });
    }

    /// <summary>A file or a list of files, each a host path.</summary>
    private Node PathList(Node node, string path)
    {
        return _check.StringList(node, path) is not { } list
            ? node
            : new SequenceNode([.. list.Select(p => (Node)ScalarNode.String(LocalPaths.Resolve(p, _baseDirectory, _home), node.Location))], node.Location);
    }

    /// <summary>A file mode as compose-go reads it: a plain number with a leading 0 is octal (YAML 1.1), 0440 is 288.</summary>
    private static Node FileMode(Node node) =>
        node is ScalarNode { Style: ScalarStyle.Plain } s && s.Value.Length > 1 && s.Value[0] == '0' && s.Value.All(c => c is >= '0' and <= '7')
            ? ScalarNode.Int(Convert.ToInt64(s.Value, 8), s.Location)
            : node;
}
