using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Where every key under the top-level and the services' <c>x-mesh</c> is written, by dotted
/// path (<c>x-mesh.consul.images.envoy</c>, <c>services.api.x-mesh.timeout.idle</c>,
/// <c>x-mesh.routes.api.rules[1].targets.api-v2</c>), so a backend can point an error at any
/// key, including those the typed model keeps no location for.
/// </summary>
internal static class KeyLocations
{
    public static ImmutableDictionary<string, SourceLocation> Collect(MappingEntry? topLevel, IEnumerable<ComposeService> services)
    {
        var result = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        if (topLevel is not null)
        {
            Walk(topLevel, "x-mesh", result);
        }

        foreach (var service in services)
        {
            if (service.Node.Find("x-mesh") is { } entry)
            {
                Walk(entry, $"services.{service.Name}.x-mesh", result);
            }
        }

        return result.ToImmutable();
    }

    private static void Walk(MappingEntry entry, string path, ImmutableDictionary<string, SourceLocation>.Builder result)
    {
        result[path] = entry.Key.Location;
        Walk(entry.Value, path, result);
    }

    private static void Walk(Node node, string path, ImmutableDictionary<string, SourceLocation>.Builder result)
    {
        switch (node)
        {
            case MappingNode map:
                foreach (var child in map.Entries)
                {
                    Walk(child, $"{path}.{child.Name}", result);
                }

                break;
            case SequenceNode seq:
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    result[$"{path}[{i}]"] = seq.Items[i].Location;
                    Walk(seq.Items[i], $"{path}[{i}]", result);
                }

                break;
        }
    }
}
