using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 6: profiles. A service without <c>profiles</c> is always on; one with profiles is
/// on when any of them is enabled (<c>--profile</c> or <c>COMPOSE_PROFILES</c>; <c>*</c> enables all).
/// </summary>
internal static class ProfileFilter
{
    public static MappingNode Apply(MappingNode root, IReadOnlySet<string> enabled, out IReadOnlyDictionary<string, ImmutableArray<string>> disabled)
    {
        var off = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        disabled = off;
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var kept = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var entry in services.Entries)
        {
            var profiles = Profiles(entry.Value);
            if (profiles.IsEmpty || enabled.Contains("*") || profiles.Any(enabled.Contains))
            {
                kept.Add(entry);
            }
            else
            {
                off[entry.Name] = profiles;
            }
        }

        return root.With("services", services with { Entries = kept.ToImmutable() });
    }

    public static ImmutableArray<string> Profiles(Node service) =>
        service is MappingNode map && map["profiles"] is SequenceNode list
            ? [.. list.Items.OfType<ScalarNode>().Select(s => s.Value)]
            : [];

    public static SourceLocation Where(Node service) => service.Location;
}
