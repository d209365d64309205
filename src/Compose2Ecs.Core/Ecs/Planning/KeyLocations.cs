using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>Where keys of a service are written, for diagnostics.</summary>
internal static class KeyLocations
{
    /// <summary>The location of <paramref name="key"/> in the service, else of the service itself.</summary>
    public static SourceLocation Of(ComposeService service, string key) => service.Node.Find(key)?.Key.Location ?? service.Location;

    /// <summary>The location of a nested key such as <c>deploy.resources</c>, else of the closest parent found.</summary>
    public static SourceLocation Of(ComposeService service, params string[] path)
    {
        Node node = service.Node;
        var location = service.Location;
        foreach (var key in path)
        {
            if (node is not MappingNode map || map.Find(key) is not { } entry)
            {
                break;
            }

            location = entry.Key.Location;
            node = entry.Value;
        }

        return location;
    }
}
