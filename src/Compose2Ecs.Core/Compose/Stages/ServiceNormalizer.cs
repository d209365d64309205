using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 3: short syntax to long syntax, one service at a time, before files are merged
/// (so that merging can key ports by target, environment by name, and so on). Every value
/// is checked for its type and range here; errors name the key path.
/// </summary>
internal sealed partial class ServiceNormalizer
{
    private readonly NodeReader _check;
    private readonly string _baseDirectory;
    private readonly string? _home;

    /// <param name="home">The user's home directory, for host paths starting with <c>~</c>.</param>
    public ServiceNormalizer(DiagnosticBag diagnostics, string baseDirectory, string? home)
    {
        _check = new NodeReader(diagnostics, NodeRules.Compose);
        _baseDirectory = baseDirectory;
        _home = home;
    }

    public MappingNode Normalize(string name, Node node)
    {
        var path = $"services.{name}";
        if (node is ScalarNode { IsNull: true })
        {
            // `web:` with nothing under it is an empty service, as compose allows.
            return MappingNode.Empty(node.Location);
        }

        if (_check.Mapping(node, path) is not { } service)
        {
            return MappingNode.Empty(node.Location);
        }

        _check.KnownKeys(service, path, ComposeKeys.Service);
        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var entry in service.Entries)
        {
            var keyPath = $"{path}.{entry.Name}";
            var value = entry.Value;
            if (value is ScalarNode { IsNull: true })
            {
                // `key:` with no value means "not set"; compose treats it the same way.
                entries.Add(entry);
                continue;
            }

            var normalized = entry.Name switch
            {
                "ports" => Ports(value, keyPath),
                "expose" => Expose(value, keyPath),
                "environment" => Environment(value, keyPath),
                "env_file" => EnvFiles(value, keyPath),
                "command" or "entrypoint" => CommandLine(value, keyPath),
                "healthcheck" => Healthcheck(value, keyPath),
                "depends_on" => DependsOn(value, keyPath),
                "labels" or "annotations" or "sysctls" => StringMap(value, keyPath),
                "secrets" or "configs" => FileReferences(value, keyPath, entry.Name),
                "volumes" => Volumes(value, keyPath),
                "ulimits" => Ulimits(value, keyPath),
                "deploy" => Deploy(value, keyPath),
                "mem_limit" or "mem_reservation" or "memswap_limit" or "shm_size" => ByteSize(value, keyPath),
                "cpus" => Cpus(value, keyPath),
                "stop_grace_period" => Duration(value, keyPath),
                "build" => Build(value, keyPath),
                "profiles" or "cap_add" or "cap_drop" or "dns" or "dns_search" => StringList(value, keyPath),
                "extends" => Extends(value, keyPath),
                "networks" => Networks(value, keyPath),
                "read_only" or "init" or "privileged" or "tty" or "stdin_open" => Flag(value, keyPath),
                "image" or "user" or "working_dir" or "container_name" or "hostname" or "platform" => Text(value, keyPath),
                "scale" => WholeNumber(value, keyPath),
                "label_file" => PathList(value, keyPath),
                "tmpfs" => StringList(value, keyPath),
                "devices" => Devices(value, keyPath),
                "extra_hosts" => ExtraHosts(value, keyPath),
                "gpus" => Gpus(value, keyPath),
                "models" => Models(value, keyPath),
                "blkio_config" => Blkio(value, keyPath),
                "develop" => Develop(value, keyPath),
                "pre_start" or "post_start" or "pre_stop" => Hooks(value, keyPath),
                "provider" => Provider(value, keyPath),
                _ => value,
            };

            entries.Add(new MappingEntry(entry.Key, normalized with { Tag = value.Tag }));
        }

        return service with { Entries = entries.ToImmutable() };
    }

    private Node Ports(Node node, string path) => EachItem(node, path, "a list of ports", (item, itemPath) =>
    {
        if (item is MappingNode map)
        {
            return [LongPort(map, itemPath)];
        }

        if (item is not ScalarNode { IsNull: false } scalar)
        {
            _check.Error(item, ComposeDiagnosticCodes.WrongType, itemPath, $"must be a port such as \"8080:80\" or a mapping with target, not {item.KindName}");
            return [];
        }

        var ports = PortSyntax.TryParse(scalar.Value, item.Location, out var problem);
        if (ports is null)
        {
            _check.Error(item, ProtocolCode(scalar.Value), itemPath, $"\"{scalar.Value}\": {problem}");
            return [];
        }

        return ports.Select(port => (Node)PortNode(port.Target, PublishedText(port), port.HostIp, port.Protocol, null, "ingress", null, item.Location));
    });

    private static string? PublishedText(Model.ServicePort port) => port.PublishedEnd is { } end
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{port.Published}-{end}")
        : port.Published?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The code of a short-syntax port error: about the protocol (sctp, or an unknown one), or else about the syntax.</summary>
    private static string ProtocolCode(string text) =>
        PortSyntax.ProtocolOf(text) is "tcp" or "udp" ? ComposeDiagnosticCodes.InvalidValue : ComposeDiagnosticCodes.PortProtocol;

    private Node LongPort(MappingNode map, string path)
    {
        _check.KnownKeys(map, path, ComposeKeys.Port);
        if (map["target"] is not { } targetNode)
        {
            _check.Error(map, ComposeDiagnosticCodes.MissingKey, path, "a port mapping needs \"target\", the container port");
            return map;
        }

        var target = PortNumber(targetNode, $"{path}.target");
        string? published = null;
        if (map["published"] is ScalarNode { IsNull: false } publishedNode)
        {
            var text = publishedNode.Value;
            var dash = text.IndexOf('-', StringComparison.Ordinal);
            foreach (var part in dash < 0 ? [text] : new[] { text[..dash], text[(dash + 1)..] })
            {
                if (!PortSyntax.TryPort(part, out _, out var problem))
                {
                    _check.Error(publishedNode, ComposeDiagnosticCodes.InvalidValue, $"{path}.published", $"\"{text}\": {problem}");
                }
            }

            published = text;
        }

        var protocol = map["protocol"] is { } p ? _check.Text(p, $"{path}.protocol")?.ToLowerInvariant() ?? "tcp" : "tcp";
        if (protocol is not ("tcp" or "udp"))
        {
            _check.Error(map["protocol"]!, ComposeDiagnosticCodes.PortProtocol, $"{path}.protocol", PortSyntax.ProtocolProblem(protocol));
        }

        var hostIp = map["host_ip"] is ScalarNode { IsNull: false } ip ? ip.Value : null;
        var appProtocol = map["app_protocol"] is ScalarNode { IsNull: false } ap ? ap.Value : null;
        var mode = map["mode"] is ScalarNode { IsNull: false } m ? m.Value : "ingress";
        var name = map["name"] is ScalarNode { IsNull: false } n ? n.Value : null;
        var normalized = PortNode(target ?? 0, published, hostIp, protocol, appProtocol, mode, name, map.Location);

        // Keep x- keys of the long form.
        foreach (var extension in map.Entries.Where(e => e.Name.StartsWith("x-", StringComparison.Ordinal)))
        {
            normalized = normalized.With(extension.Name, extension.Value, extension.Key.Location);
        }

        return normalized;
    }

    private static MappingNode PortNode(int target, string? published, string? hostIp, string protocol, string? appProtocol, string mode, string? name, SourceLocation at)
    {
        var entries = new List<MappingEntry>();
        void Add(string key, Node value) => entries.Add(new MappingEntry(ScalarNode.String(key, at), value));
        if (name is not null)
        {
            Add("name", ScalarNode.String(name, at));
        }

        Add("mode", ScalarNode.String(mode, at));
        if (hostIp is not null)
        {
            Add("host_ip", ScalarNode.String(hostIp, at));
        }

        Add("target", ScalarNode.Int(target, at));
        if (published is not null)
        {
            Add("published", ScalarNode.String(published, at));
        }

        Add("protocol", ScalarNode.String(protocol, at));
        if (appProtocol is not null)
        {
            Add("app_protocol", ScalarNode.String(appProtocol, at));
        }

        return new MappingNode([.. entries], at);
    }

    private int? PortNumber(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            if (PortSyntax.TryPort(scalar.Value.Trim(), out var port, out var problem))
            {
                return port;
            }

            _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"\"{scalar.Value}\": {problem}");
            return null;
        }

        _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a port number, not {node.KindName}");
        return null;
    }

    private Node Expose(Node node, string path) => EachItem(node, path, "a list of ports", (item, itemPath) =>
    {
        if (item is not ScalarNode { IsNull: false } scalar)
        {
            _check.Error(item, ComposeDiagnosticCodes.WrongType, itemPath, $"must be a port such as \"3000\", not {item.KindName}");
            return [];
        }

        // compose-go checks expose entries with the port-spec parser, so "8080:8080" passes; the container side counts.
        if (PortSyntax.TryParse(scalar.Value, item.Location, out var problem) is null)
        {
            _check.Error(item, ProtocolCode(scalar.Value), itemPath, $"\"{scalar.Value}\": {problem}");
        }

        return [ScalarNode.String(scalar.Value, item.Location)];
    });

    /// <summary>List (<c>- A=b</c>, <c>- A</c>) or map form, to a map of name to string or null.</summary>
    private Node Environment(Node node, string path) => KeyValues(node, path, "VARIABLE=value");

    private Node StringMap(Node node, string path) => KeyValues(node, path, "key=value");

    private Node KeyValues(Node node, string path, string example)
    {
        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        switch (node)
        {
            case SequenceNode seq:
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    var item = seq.Items[i];
                    if (item is not ScalarNode { IsNull: false } scalar)
                    {
                        _check.Error(item, ComposeDiagnosticCodes.WrongType, $"{path}[{i}]", $"must be a string \"{example}\", not {item.KindName}");
                        continue;
                    }

                    var eq = scalar.Value.IndexOf('=', StringComparison.Ordinal);
                    var key = eq < 0 ? scalar.Value : scalar.Value[..eq];
                    if (key.Length > 0 && char.IsWhiteSpace(key[^1]))
                    {
                        _check.Error(item, ComposeDiagnosticCodes.InvalidValue, $"{path}[{i}]", $"\"{key.TrimEnd()}\" is followed by a space before '='; write {key.TrimEnd()}=value");
                        continue;
                    }

                    Node value = eq < 0 ? ScalarNode.Null(item.Location) : ScalarNode.String(scalar.Value[(eq + 1)..], item.Location);
                    Put(entries, ScalarNode.String(key, item.Location), value);
                }

                break;
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Key is { Style: ScalarStyle.Plain, Type: not ScalarType.String })
                    {
                        _check.Error(entry.Key, ComposeDiagnosticCodes.WrongType, $"{path}.{entry.Name}", $"a key must be a string, not {entry.Key.KindName}; quote it");
                        continue;
                    }

                    Node value = entry.Value switch
                    {
                        ScalarNode { IsNull: true } n => n,
                        ScalarNode s => ScalarNode.String(s.Value, s.Location),
                        _ => entry.Value,
                    };
                    if (value is not ScalarNode)
                    {
                        _check.Error(entry.Value, ComposeDiagnosticCodes.WrongType, $"{path}.{entry.Name}", $"must be a string, number or boolean, not {entry.Value.KindName}");
                        continue;
                    }

                    Put(entries, entry.Key, value with { Tag = entry.Value.Tag });
                }

                break;
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a mapping or a list of \"{example}\" strings, not {node.KindName}");
                return node;
        }

        return new MappingNode(entries.ToImmutable(), node.Location);
    }

    private static void Put(ImmutableArray<MappingEntry>.Builder entries, ScalarNode key, Node value)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Name == key.Value)
            {
                entries[i] = new MappingEntry(key, value);
                return;
            }
        }

        entries.Add(new MappingEntry(key, value));
    }

    private Node EnvFiles(Node node, string path)
    {
        var items = ImmutableArray.CreateBuilder<Node>();
        var list = node is SequenceNode seq ? seq.Items : [node];
        for (var i = 0; i < list.Length; i++)
        {
            var item = list[i];
            var itemPath = node is SequenceNode ? $"{path}[{i}]" : path;
            string? file = null;
            var required = true;
            string? format = null;
            switch (item)
            {
                case ScalarNode { IsNull: false } scalar:
                    file = scalar.Value;
                    break;
                case MappingNode map:
                    file = map["path"] is { } p ? _check.Text(p, $"{itemPath}.path") : null;
                    if (map["required"] is { } r)
                    {
                        required = _check.Bool(r, $"{itemPath}.required") ?? true;
                    }

                    format = map["format"] is ScalarNode { IsNull: false } f ? f.Value : null;
                    if (file is null)
                    {
                        _check.Error(item, ComposeDiagnosticCodes.MissingKey, itemPath, "an env_file entry needs \"path\"");
                    }

                    break;
                default:
                    _check.Error(item, ComposeDiagnosticCodes.WrongType, itemPath, $"must be a file path or a mapping with path, not {item.KindName}");
                    break;
            }

            if (file is null)
            {
                continue;
            }

            var at = item.Location;
            var entries = new List<MappingEntry>
            {
                new(ScalarNode.String("path", at), ScalarNode.String(Path.GetFullPath(file, _baseDirectory), at)),
                new(ScalarNode.String("required", at), ScalarNode.Bool(required, at)),
            };
            if (format is not null)
            {
                entries.Add(new(ScalarNode.String("format", at), ScalarNode.String(format, at)));
            }

            items.Add(new MappingNode([.. entries], at));
        }

        return new SequenceNode(items.ToImmutable(), node.Location);
    }

    private Node CommandLine(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode scalar:
                if (!ShellWords.TrySplit(scalar.Value, out var words, out var error))
                {
                    _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"\"{scalar.Value}\": {error}; close the quote or use the list form [\"cmd\", \"arg\"]");
                    return node;
                }

                return new SequenceNode([.. words.Select(w => (Node)ScalarNode.String(w, node.Location))], node.Location);
            case SequenceNode seq:
                return StringList(seq, path);
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a string or a list of strings, not {node.KindName}");
                return node;
        }
    }

    private Node StringList(Node node, string path)
    {
        if (_check.StringList(node, path) is not { } list)
        {
            return node;
        }

        var items = node is SequenceNode seq ? seq.Items : [node];
        return new SequenceNode([.. list.Select((s, i) => (Node)ScalarNode.String(s, items[Math.Min(i, items.Length - 1)].Location))], node.Location);
    }

    private Node Healthcheck(Node node, string path)
    {
        if (_check.Mapping(node, path) is not { } map)
        {
            return node;
        }

        _check.KnownKeys(map, path, ComposeKeys.Healthcheck);
        var result = map;
        if (map["test"] is { } test && test is not ScalarNode { IsNull: true })
        {
            Node normalizedTest = test switch
            {
                // A string test runs in a shell: CMD-SHELL.
                ScalarNode s => new SequenceNode([ScalarNode.String("CMD-SHELL", s.Location), ScalarNode.String(s.Value, s.Location)], s.Location),
                SequenceNode seq => StringList(seq, $"{path}.test"),
                _ => test,
            };
            if (test is not (ScalarNode or SequenceNode))
            {
                _check.Error(test, ComposeDiagnosticCodes.WrongType, $"{path}.test", $"must be a command string or a list such as [\"CMD\", \"curl\", \"-f\", \"http://localhost\"], not {test.KindName}");
            }
            else if (normalizedTest is SequenceNode { Items: [ScalarNode first, ..] } && first.Value is not ("CMD" or "CMD-SHELL" or "NONE"))
            {
                _check.Error(test, ComposeDiagnosticCodes.InvalidValue, $"{path}.test", $"a list test must start with \"CMD\", \"CMD-SHELL\" or \"NONE\", not \"{first.Value}\"");
            }

            result = result.With("test", normalizedTest with { Tag = test.Tag });
        }

        foreach (var key in new[] { "interval", "timeout", "start_period", "start_interval" })
        {
            if (map[key] is { } value && value is not ScalarNode { IsNull: true })
            {
                result = result.With(key, Duration(value, $"{path}.{key}"));
            }
        }

        if (map["retries"] is { } retries && retries is not ScalarNode { IsNull: true })
        {
            result = result.With("retries", WholeNumber(retries, $"{path}.retries"));
        }

        if (map["disable"] is { } disable)
        {
            result = result.With("disable", Flag(disable, $"{path}.disable"));
        }

        return result;
    }

    private Node DependsOn(Node node, string path)
    {
        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        switch (node)
        {
            case SequenceNode seq:
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (_check.Text(seq.Items[i], $"{path}[{i}]") is { } name)
                    {
                        var at = seq.Items[i].Location;
                        entries.Add(new MappingEntry(ScalarNode.String(name, at), Dependency(ServiceDependencyCondition.Started, required: true, restart: false, at)));
                    }
                }

                break;
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    var entryPath = $"{path}.{entry.Name}";
                    // Only what the file says: an override that sets only "required" keeps the base's
                    // condition (compose-go merges depends_on field by field); ProjectDefaults fills the rest after merging.
                    var dependency = MappingNode.Empty(entry.Key.Location);
                    if (entry.Value is MappingNode options)
                    {
                        _check.KnownKeys(options, entryPath, ComposeKeys.Dependency);
                        if (options["condition"] is { } c && _check.Text(c, $"{entryPath}.condition") is { } conditionText)
                        {
                            if (!ComposeKeys.DependencyConditions.Contains(conditionText))
                            {
                                _check.Error(c, ComposeDiagnosticCodes.InvalidValue, $"{entryPath}.condition", $"\"{conditionText}\" is not one of service_started, service_healthy, service_completed_successfully{Suggest.DidYouMean(conditionText, ComposeKeys.DependencyConditions)}");
                            }

                            dependency = dependency.With("condition", ScalarNode.String(conditionText, c.Location), c.Location);
                        }

                        if (options["required"] is { } r)
                        {
                            dependency = dependency.With("required", ScalarNode.Bool(_check.Bool(r, $"{entryPath}.required") ?? true, r.Location), r.Location);
                        }

                        if (options["restart"] is ScalarNode rs)
                        {
                            dependency = dependency.With("restart", ScalarNode.Bool(CoreSchema.TryGetBool(rs.Value, out var b) && b, rs.Location), rs.Location);
                        }
                    }
                    else if (entry.Value is not ScalarNode { IsNull: true })
                    {
                        _check.Error(entry.Value, ComposeDiagnosticCodes.WrongType, entryPath, $"must be a mapping with condition, not {entry.Value.KindName}");
                        continue;
                    }

                    foreach (var extension in (entry.Value as MappingNode)?.Entries.Where(e => e.Name.StartsWith("x-", StringComparison.Ordinal)) ?? [])
                    {
                        dependency = dependency.With(extension.Name, extension.Value, extension.Key.Location);
                    }

                    entries.Add(new MappingEntry(entry.Key, dependency));
                }

                break;
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a list of service names or a mapping of service to condition, not {node.KindName}");
                return node;
        }

        return new MappingNode(entries.ToImmutable(), node.Location);
    }

    private static MappingNode Dependency(string condition, bool required, bool restart, SourceLocation at) => new(
    [
        new(ScalarNode.String("condition", at), ScalarNode.String(condition, at)),
        new(ScalarNode.String("required", at), ScalarNode.Bool(required, at)),
        new(ScalarNode.String("restart", at), ScalarNode.Bool(restart, at)),
    ], at);

    private Node FileReferences(Node node, string path, string kind) => EachItem(node, path, $"a list of {kind} names or mappings with source", (item, itemPath) =>
    {
        switch (item)
        {
            case ScalarNode { IsNull: false } scalar:
                return [new MappingNode([new(ScalarNode.String("source", item.Location), ScalarNode.String(scalar.Value, item.Location))], item.Location)];
            case MappingNode map when map["source"] is ScalarNode { IsNull: false }:
                return [map["mode"] is { } mode ? map.With("mode", FileMode(mode)) : map];
            default:
                _check.Error(item, ComposeDiagnosticCodes.WrongType, itemPath, $"must be a {kind[..^1]} name or a mapping with \"source\", not {item.KindName}");
                return [];
        }
    });

    /// <summary>
    /// A list key whose items normalize one by one (a short item may become several, a bad one
    /// none, with an error): <paramref name="normalize"/> gets each item and its path.
    /// </summary>
    private Node EachItem(Node node, string path, string expected, Func<Node, string, IEnumerable<Node>> normalize)
    {
        if (node is not SequenceNode seq)
        {
            _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be {expected}, not {node.KindName}");
            return node;
        }

        var items = ImmutableArray.CreateBuilder<Node>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            items.AddRange(normalize(seq.Items[i], $"{path}[{i}]"));
        }

        return seq with { Items = items.ToImmutable() };
    }

    private Node Ulimits(Node node, string path)
    {
        if (_check.Mapping(node, path) is not { } map)
        {
            return node;
        }

        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var entry in map.Entries)
        {
            var entryPath = $"{path}.{entry.Name}";
            long? soft;
            long? hard;
            if (entry.Value is MappingNode limits)
            {
                soft = limits["soft"] is { } s ? _check.Long(s, $"{entryPath}.soft") : null;
                hard = limits["hard"] is { } h ? _check.Long(h, $"{entryPath}.hard") : null;
                if (soft is null || hard is null)
                {
                    if (limits["soft"] is null || limits["hard"] is null)
                    {
                        _check.Error(entry.Value, ComposeDiagnosticCodes.MissingKey, entryPath, "needs both soft and hard, or a single number");
                    }

                    continue;
                }
            }
            else
            {
                soft = hard = _check.Long(entry.Value, entryPath);
                if (soft is null)
                {
                    continue;
                }
            }

            var at = entry.Value.Location;
            entries.Add(new MappingEntry(entry.Key, new MappingNode(
            [
                new(ScalarNode.String("soft", at), ScalarNode.Int(soft.Value, at)),
                new(ScalarNode.String("hard", at), ScalarNode.Int(hard!.Value, at)),
            ], at)));
        }

        return new MappingNode(entries.ToImmutable(), node.Location);
    }

    private Node Deploy(Node node, string path)
    {
        if (_check.Mapping(node, path) is not { } map)
        {
            return node;
        }

        var result = map;
        if (map["replicas"] is { } replicas && replicas is not ScalarNode { IsNull: true })
        {
            result = result.With("replicas", WholeNumber(replicas, $"{path}.replicas"));
        }

        if (map["labels"] is { } labels && labels is not ScalarNode { IsNull: true })
        {
            result = result.With("labels", KeyValues(labels, $"{path}.labels", "key=value"));
        }

        if (map["resources"] is MappingNode resources)
        {
            _check.KnownKeys(resources, $"{path}.resources", ResourceKinds);
            var normalizedResources = resources;
            foreach (var kind in new[] { "limits", "reservations" })
            {
                if (resources[kind] is not MappingNode limits)
                {
                    continue;
                }

                _check.KnownKeys(limits, $"{path}.resources.{kind}", kind == "limits" ? LimitKeys : ReservationKeys);
                var normalizedLimits = limits;
                if (limits["cpus"] is { } cpus)
                {
                    normalizedLimits = normalizedLimits.With("cpus", Cpus(cpus, $"{path}.resources.{kind}.cpus"));
                }

                if (limits["memory"] is { } memory)
                {
                    normalizedLimits = normalizedLimits.With("memory", ByteSize(memory, $"{path}.resources.{kind}.memory"));
                }

                if (limits["devices"] is SequenceNode devices)
                {
                    normalizedLimits = normalizedLimits.With("devices", devices with
                    {
                        Items = [.. devices.Items.Select((d, i) => d is MappingNode device ? ReservedDevice(device, $"{path}.resources.{kind}.devices[{i}]") : d)],
                    });
                }

                normalizedResources = normalizedResources.With(kind, normalizedLimits);
            }

            result = result.With("resources", normalizedResources);
        }

        return result;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> ResourceKinds = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "limits", "reservations");
    private static readonly System.Collections.Frozen.FrozenSet<string> LimitKeys = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "cpus", "memory", "pids");
    private static readonly System.Collections.Frozen.FrozenSet<string> ReservationKeys = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "cpus", "memory", "devices", "generic_resources");

    private MappingNode ReservedDevice(MappingNode device, string path)
    {
        if (device["capabilities"] is null)
        {
            _check.Error(device, ComposeDiagnosticCodes.MissingKey, path, "a device reservation needs \"capabilities\", e.g. [gpu]");
        }

        return DeviceCount(device, path);
    }

    private Node ByteSize(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar && ByteSizes.TryParse(scalar.Value, out var bytes))
        {
            return ScalarNode.Int(bytes, node.Location);
        }

        // A plain number is bytes as it is, as compose-go takes it: memswap_limit: -1 is "unlimited".
        if (node is ScalarNode { IsNull: false, Type: ScalarType.Int } number && CoreSchema.TryGetInt(number.Value, out var raw))
        {
            return ScalarNode.Int(raw, node.Location);
        }

        _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"{node.Describe()} is not a size; write bytes or a number with a unit, e.g. 512m or 1.5g");
        return node;
    }

    private Node Cpus(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar && CoreSchema.TryGetFloat(scalar.Value.Trim(), out var cpus) && double.IsFinite(cpus) && cpus >= 0)
        {
            return ScalarNode.Float(cpus, node.Location);
        }

        _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"{node.Describe()} is not a CPU count; write a number such as 0.5 or '2'");
        return node;
    }

    private Node Duration(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false } scalar && Durations.TryParse(scalar.Value, out _))
        {
            return ScalarNode.String(scalar.Value, node.Location);
        }

        _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"{node.Describe()} is not a duration; write e.g. 30s, 1m30s or 500ms");
        return node;
    }

    private Node WholeNumber(Node node, string path) =>
        _check.Long(node, path) is { } value ? ScalarNode.Int(value, node.Location) : node;

    /// <summary>A boolean key; compose-go still reads YAML 1.1's yes/no/on/off there.</summary>
    private Node Flag(Node node, string path) => node switch
    {
        ScalarNode { Value: "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" } s => ScalarNode.Bool(true, s.Location),
        ScalarNode { Value: "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" } s => ScalarNode.Bool(false, s.Location),
        _ => _check.Bool(node, path) is { } value ? ScalarNode.Bool(value, node.Location) : node,
    };

    private Node Text(Node node, string path) =>
        _check.Text(node, path) is { } value ? ScalarNode.String(value, node.Location) : node;

    private Node Extends(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar:
                return new MappingNode([new(ScalarNode.String("service", node.Location), ScalarNode.String(scalar.Value, node.Location))], node.Location);
            case MappingNode map:
                _check.KnownKeys(map, path, ComposeKeys.Extends);
                if (map["service"] is not ScalarNode { IsNull: false })
                {
                    _check.Error(map, ComposeDiagnosticCodes.MissingKey, path, "extends needs \"service\", the name of the service to extend");
                }

                return map;
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a service name or a mapping with service and file, not {node.KindName}");
                return node;
        }
    }

    private Node Networks(Node node, string path)
    {
        switch (node)
        {
            case SequenceNode seq:
                var list = _check.StringList(seq, path) ?? [];
                return new MappingNode([.. list.Select(n => new MappingEntry(ScalarNode.String(n, seq.Location), ScalarNode.Null(seq.Location)))], seq.Location);
            case MappingNode map:
                return map;
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a list of network names or a mapping, not {node.KindName}");
                return node;
        }
    }
}

internal static class ServiceDependencyCondition
{
    public const string Started = "service_started";
}
