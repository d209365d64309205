using System.Collections.Frozen;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>Service volumes: the short "source:target:options" form to compose-go's long form; host paths resolved.</summary>
internal sealed partial class ServiceNormalizer
{
    private static readonly FrozenSet<string> VolumeKeys = FrozenSet.Create(StringComparer.Ordinal,
        "type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image");

    private static readonly FrozenSet<string> Propagations = FrozenSet.Create(StringComparer.Ordinal,
        "shared", "slave", "private", "rshared", "rslave", "rprivate");

    private Node Volumes(Node node, string path) => EachItem(node, path, "a list of volumes", (item, itemPath) =>
    {
        if (item is MappingNode map)
        {
            return [LongVolume(map, itemPath)];
        }

        if (item is not ScalarNode { IsNull: false } scalar)
        {
            _check.Error(item, ComposeDiagnosticCodes.WrongType, itemPath, $"must be \"source:target[:mode]\" or a mapping, not {item.KindName}");
            return [];
        }

        return [ShortVolume(scalar, itemPath)];
    });

    private MappingNode LongVolume(MappingNode map, string path)
    {
        _check.KnownKeys(map, path, VolumeKeys);
        if (map["target"] is null)
        {
            _check.Error(map, ComposeDiagnosticCodes.MissingKey, path, "a volume mapping needs \"target\", the path in the container");
        }

        var type = map["type"] is ScalarNode { IsNull: false } t ? t.Value : "volume";
        var result = map;
        if (type == "bind")
        {
            if (map["source"] is not ScalarNode { IsNull: false } source || source.Value.Length == 0)
            {
                _check.Error(map, ComposeDiagnosticCodes.MissingKey, path, "a bind mount needs \"source\", the host path");
            }
            else
            {
                result = result.With("source", ScalarNode.String(LocalPaths.Resolve(source.Value, _baseDirectory, _home), source.Location));
            }
        }

        if (map["tmpfs"] is MappingNode tmpfs && tmpfs["size"] is { } size)
        {
            result = result.With("tmpfs", tmpfs.With("size", TmpfsSize(size, $"{path}.tmpfs.size")));
        }

        if (map["read_only"] is { } readOnly)
        {
            result = result.With("read_only", Flag(readOnly, $"{path}.read_only"));
        }

        return result;
    }

    private Node TmpfsSize(Node node, string path)
    {
        if (node is ScalarNode { IsNull: false, Type: ScalarType.Float })
        {
            _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"{node.Describe()} must be a whole number of bytes or a size such as 64m");
            return node;
        }

        if (node is ScalarNode { IsNull: false } s && s.Value.TrimStart().StartsWith('-'))
        {
            _check.Error(node, ComposeDiagnosticCodes.InvalidValue, path, $"{node.Describe()} must be 0 or more");
            return node;
        }

        return ByteSize(node, path);
    }

    private Node ShortVolume(ScalarNode scalar, string path)
    {
        var parts = SplitVolume(scalar.Value);
        var at = scalar.Location;
        // An empty source (":/data") is let through, as before compose-go rejected it: it is what
        // an unset ${VAR}:/data gives, and real files rely on loading without their .env.
        if (parts.Count > 3 || parts.Skip(1).Any(p => p.Length == 0))
        {
            _check.Error(scalar, ComposeDiagnosticCodes.InvalidValue, path, $"\"{scalar.Value}\": expected source:target[:mode], with no empty part between colons");
            return scalar;
        }

        string? source = parts.Count > 1 ? parts[0] : null;
        var target = parts.Count > 1 ? parts[1] : parts[0];
        var options = parts.Count == 3 ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
        var isBind = source is not null && (source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~')
            || source.StartsWith('$') || LocalPaths.IsWindowsAbsolute(source));
        var entries = new List<MappingEntry> { new(ScalarNode.String("type", at), ScalarNode.String(isBind ? "bind" : "volume", at)) };
        if (source is not null)
        {
            var resolved = isBind && !source.StartsWith('$') ? LocalPaths.Resolve(source, _baseDirectory, _home) : source;
            entries.Add(new(ScalarNode.String("source", at), ScalarNode.String(resolved, at)));
        }

        entries.Add(new(ScalarNode.String("target", at), ScalarNode.String(LocalPaths.CleanUnix(target), at)));
        if (options.Contains("ro"))
        {
            entries.Add(new(ScalarNode.String("read_only", at), ScalarNode.Bool(true, at)));
        }

        if (isBind)
        {
            var bind = new List<MappingEntry> { new(ScalarNode.String("create_host_path", at), ScalarNode.Bool(true, at)) };
            if (options.FirstOrDefault(o => o is "z" or "Z") is { } selinux)
            {
                bind.Add(new(ScalarNode.String("selinux", at), ScalarNode.String(selinux, at)));
            }

            if (options.FirstOrDefault(Propagations.Contains) is { } propagation)
            {
                bind.Add(new(ScalarNode.String("propagation", at), ScalarNode.String(propagation, at)));
            }

            entries.Add(new(ScalarNode.String("bind", at), new MappingNode([.. bind], at)));
        }
        else if (options.Contains("nocopy"))
        {
            entries.Add(new(ScalarNode.String("volume", at), new MappingNode([new(ScalarNode.String("nocopy", at), ScalarNode.Bool(true, at))], at)));
        }

        return new MappingNode([.. entries], at);
    }

    /// <summary>
    /// Splits on ':' but keeps a Windows drive letter ("C:\data:/data") together, and a colon
    /// inside "${...}" (an escaped variable such as $${TIME:-12:30}) is not a separator.
    /// </summary>
    private static List<string> SplitVolume(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var braces = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                braces++;
                i++;
                continue;
            }

            if (text[i] == '}' && braces > 0)
            {
                braces--;
                continue;
            }

            if (text[i] != ':' || braces > 0)
            {
                continue;
            }

            var isDrive = i - start == 1 && char.IsLetter(text[start]) && i + 1 < text.Length && text[i + 1] is '\\' or '/';
            if (!isDrive)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
