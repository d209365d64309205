using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>Reads <c>x-mesh.service_connect</c> (spec §7).</summary>
internal sealed class ServiceConnectSectionReader(MeshFields fields)
{
    private const string Path = "x-mesh.service_connect";

    public ServiceConnectSettings Read(MappingEntry? entry, string projectName)
    {
        var defaultLogGroup = $"/ecs/{projectName}/service-connect";
        if (entry is null || fields.Mapping(entry.Value, Path) is not { } map)
        {
            return new ServiceConnectSettings { LogGroup = defaultLogGroup, Location = entry?.Key.Location ?? SourceLocation.None };
        }

        fields.KnownKeys(map, Path, MeshKeys.ServiceConnect);
        return new ServiceConnectSettings
        {
            LogGroup = map["log_group"] is { } log ? fields.Text(log, $"{Path}.log_group") ?? defaultLogGroup : defaultLogGroup,
            Location = entry.Key.Location,
        };
    }
}
