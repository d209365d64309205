using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.AppMesh;

/// <summary>Reads <c>x-mesh.appmesh</c> (spec §5). Absent: all defaults.</summary>
internal sealed partial class AppMeshSectionReader(NodeReader fields)
{
    public const string Key = "appmesh";

    private const string Path = "x-mesh.appmesh";

    private static readonly ImmutableArray<string> Keys = ["existing", "mesh_owner", "envoy_image", "envoy", "access_log", "tracing", "stats"];

    private static readonly Dictionary<string, AppMeshTracing> TracingChoices = new(StringComparer.Ordinal)
    {
        ["none"] = AppMeshTracing.None,
        ["xray"] = AppMeshTracing.XRay,
    };

    private static readonly ImmutableArray<string> EnvoyKeys = ["cpu", "memory"];

    /// <summary>The section as the mesh reader registers it.</summary>
    public static MeshSection Section { get; } = MeshSection.Create(Key, input => new AppMeshSectionReader(input.Fields).Read(input.Entry),
        EmbeddedText.Read(typeof(AppMeshSectionReader).Assembly, "x-mesh.appmesh.schema.json"));

    public AppMeshSettings Read(MappingEntry? entry)
    {
        if (entry is null || fields.Mapping(entry.Value, Path) is not { } map)
        {
            return new AppMeshSettings { Location = entry?.Key.Location ?? SourceLocation.None };
        }

        fields.KnownKeys(map, Path, Keys);
        var settings = new AppMeshSettings
        {
            Location = entry.Key.Location,
            Existing = map["existing"] is { } existing && (fields.Bool(existing, $"{Path}.existing") ?? false),
            MeshOwner = map["mesh_owner"] is { } owner ? fields.Text(owner, $"{Path}.mesh_owner") : null,
            EnvoyImage = map["envoy_image"] is { } image ? fields.Text(image, $"{Path}.envoy_image") : null,
            AccessLog = map["access_log"] is { } log ? fields.Text(log, $"{Path}.access_log") : null,
            Tracing = map["tracing"] is { } tracing ? fields.Choice(tracing, $"{Path}.tracing", TracingChoices) ?? AppMeshTracing.None : AppMeshTracing.None,
            Stats = map["stats"] is { } stats && (fields.Bool(stats, $"{Path}.stats") ?? false),
        };

        if (settings.MeshOwner is { } account && !AccountId().IsMatch(account))
        {
            fields.Error(map["mesh_owner"]!.Location, AppMeshDiagnosticCodes.InvalidMeshOwner, $"{Path}.mesh_owner", $"\"{account}\" is not an AWS account id; write the 12 digits in quotes, such as \"123456789012\"");
        }

        if (map["envoy"] is { } envoyNode && fields.Mapping(envoyNode, $"{Path}.envoy") is { } envoy)
        {
            fields.KnownKeys(envoy, $"{Path}.envoy", EnvoyKeys);
            settings = settings with
            {
                EnvoyCpu = envoy["cpu"] is { } cpu ? fields.Int(cpu, $"{Path}.envoy.cpu", 1, 16384) ?? settings.EnvoyCpu : settings.EnvoyCpu,
                EnvoyMemory = envoy["memory"] is { } memory ? fields.Int(memory, $"{Path}.envoy.memory", 6, 122880) ?? settings.EnvoyMemory : settings.EnvoyMemory,
            };
        }

        return settings;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
