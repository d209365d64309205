using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.ServiceConnect;

/// <summary>Reads <c>x-mesh.service_connect</c> (spec §7).</summary>
internal sealed class ServiceConnectSectionReader(MeshFields fields)
{
    public const string Key = "service_connect";

    private const string Path = "x-mesh.service_connect";

    private static readonly ImmutableArray<string> Keys = ["log_group"];

    /// <summary>The section as the mesh reader registers it.</summary>
    public static MeshSection Section { get; } = MeshSection.Create(Key, input => new ServiceConnectSectionReader(input.Fields).Read(input.Entry, input.ProjectName),
        EmbeddedText.Read(typeof(ServiceConnectSectionReader).Assembly, "x-mesh.service_connect.schema.json"));

    public ServiceConnectSettings Read(MappingEntry? entry, string projectName)
    {
        var defaultLogGroup = $"/ecs/{projectName}/service-connect";
        if (entry is null || fields.Mapping(entry.Value, Path) is not { } map)
        {
            return new ServiceConnectSettings { LogGroup = defaultLogGroup, Location = entry?.Key.Location ?? SourceLocation.None };
        }

        fields.KnownKeys(map, Path, Keys);
        return new ServiceConnectSettings
        {
            LogGroup = map["log_group"] is { } log ? fields.Text(log, $"{Path}.log_group") ?? defaultLogGroup : defaultLogGroup,
            Location = entry.Key.Location,
        };
    }
}
