using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// <c>build</c>: the short form to a mapping, local paths resolved (a remote context stays as
/// written), key=value lists to mappings, sizes to bytes. The default context (".") is not
/// filled in here but after merging and extends (<see cref="ProjectDefaults"/>), so that an
/// override or an extending service that only adds <c>target</c> keeps its base's context.
/// </summary>
internal sealed partial class ServiceNormalizer
{
    private Node Build(Node node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar:
                return new MappingNode([new(ScalarNode.String("context", node.Location), ScalarNode.String(ResolveContext(scalar.Value), node.Location))], node.Location);
            case MappingNode map:
                return BuildMapping(map, path);
            default:
                _check.Error(node, ComposeDiagnosticCodes.WrongType, path, $"must be a build context path or a mapping with context, not {node.KindName}");
                return node;
        }
    }

    private MappingNode BuildMapping(MappingNode map, string path)
    {
        var result = map;
        if (map["context"] is ScalarNode { IsNull: false } context)
        {
            result = result.With("context", ScalarNode.String(ResolveContext(context.Value), context.Location));
        }

        if (map["dockerfile"] is ScalarNode { IsNull: false } && map["dockerfile_inline"] is ScalarNode { IsNull: false } inline)
        {
            _check.Error(inline, ComposeDiagnosticCodes.ConflictingKeys, $"{path}.dockerfile_inline", "cannot be set with dockerfile; keep one of them");
        }

        foreach (var key in new[] { "args", "labels" })
        {
            if (map[key] is { } value && value is not ScalarNode { IsNull: true })
            {
                result = result.With(key, KeyValues(value, $"{path}.{key}", "key=value") with { Tag = value.Tag });
            }
        }

        if (map["additional_contexts"] is { } additional and not ScalarNode { IsNull: true })
        {
            var contexts = KeyValues(additional, $"{path}.additional_contexts", "name=path");
            if (contexts is MappingNode contextMap)
            {
                contexts = contextMap with
                {
                    Entries = [.. contextMap.Entries.Select(e => e.Value is ScalarNode { IsNull: false } v
                        ? e with { Value = ScalarNode.String(ResolveContext(v.Value), v.Location) }
                        : e)],
                };
            }

            result = result.With("additional_contexts", contexts);
        }

        if (map["ssh"] is { } ssh)
        {
            result = result.With("ssh", Ssh(ssh, $"{path}.ssh"));
        }

        if (map["shm_size"] is { } shm and not ScalarNode { IsNull: true })
        {
            result = result.With("shm_size", ByteSize(shm, $"{path}.shm_size"));
        }

        foreach (var key in new[] { "no_cache_filter", "cache_from", "cache_to", "tags", "platforms" })
        {
            if (map[key] is { } value && value is not ScalarNode { IsNull: true })
            {
                result = result.With(key, StringList(value, $"{path}.{key}"));
            }
        }

        if (map["extra_hosts"] is { } hosts and not ScalarNode { IsNull: true })
        {
            result = result.With("extra_hosts", ExtraHosts(hosts, $"{path}.extra_hosts"));
        }

        if (map["secrets"] is { } secrets and not ScalarNode { IsNull: true })
        {
            result = result.With("secrets", FileReferences(secrets, $"{path}.secrets", "secrets"));
        }

        return result;
    }

    /// <summary>ssh: a list of "id" / "id=path" or a mapping; paths resolved; sorted as compose-go prints them.</summary>
    private Node Ssh(Node node, string path)
    {
        if (node is ScalarNode { IsNull: true })
        {
            _check.Error(node, ComposeDiagnosticCodes.WrongType, path, "must be a list of \"id=path\" (or \"default\") or a mapping of id to path, not null");
            return node;
        }

        if (KeyValues(node, path, "id=path") is not MappingNode keys)
        {
            return node;
        }

        var items = keys.Entries
            .Select(e => e.Value is ScalarNode { IsNull: false } v && v.Value.Length > 0
                ? $"{e.Name}={LocalPaths.Resolve(v.Value, _baseDirectory, _home)}"
                : e.Name)
            .Order(StringComparer.Ordinal)
            .Select(s => (Node)ScalarNode.String(s, node.Location));
        return new SequenceNode([.. items], node.Location);
    }

    /// <summary>A local context becomes absolute, as in `docker compose config`; a URL or git address stays as written.</summary>
    private string ResolveContext(string context) =>
        LocalPaths.IsRemote(context) ? context : LocalPaths.Resolve(context, _baseDirectory, _home);
}
