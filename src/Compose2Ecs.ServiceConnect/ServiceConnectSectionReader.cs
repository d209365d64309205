using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.ServiceConnect;

/// <summary>Reads <c>x-mesh.service_connect</c> (spec §7).</summary>
internal sealed partial class ServiceConnectSectionReader(NodeReader fields)
{
    public const string Key = "service_connect";

    private const string Path = "x-mesh.service_connect";

    private static readonly ImmutableArray<string> Keys = ["log_group", "namespace"];

    private static readonly ImmutableArray<string> NamespaceKeys = ["arn"];

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
            Namespace = map.Find("namespace") is { } ns ? Namespace(ns) : null,
            Location = entry.Key.Location,
        };
    }

    /// <summary>
    /// <c>namespace: { arn: ... }</c>, in the style of <c>x-mesh.vpc: { id: ... }</c>. Only the ARN's form is checked
    /// (CloudFormation would take any string and fail minutes into the deployment); that it is a private DNS
    /// namespace of the VPC the tasks run in is the user's to know (docs/service-connect.md).
    /// </summary>
    private ExistingNamespace? Namespace(MappingEntry entry)
    {
        const string path = $"{Path}.namespace";
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, NamespaceKeys);
        if (map["arn"] is not { } arnNode)
        {
            fields.Error(entry.Key.Location, ServiceConnectDiagnosticCodes.InvalidNamespaceArn, path,
                "arn is required; name the existing Cloud Map namespace (arn: arn:aws:servicediscovery:<region>:<account>:namespace/ns-...), or remove namespace to create one");
            return null;
        }

        if (fields.Text(arnNode, $"{path}.arn") is not { } arn)
        {
            return null;
        }

        if (NamespaceArn().Match(arn) is not { Success: true } match)
        {
            fields.Error(arnNode.Location, ServiceConnectDiagnosticCodes.InvalidNamespaceArn, $"{path}.arn",
                $"\"{arn}\" is not a Cloud Map namespace ARN; write arn:aws:servicediscovery:<region>:<account>:namespace/ns-<id>, as `aws servicediscovery list-namespaces` shows it");
            return null;
        }

        return new ExistingNamespace(arn, match.Groups["id"].Value, entry.Key.Location);
    }

    /// <summary>A namespace ARN of any partition; Cloud Map ids are <c>ns-</c> and lowercase letters and digits.</summary>
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:servicediscovery:[a-z]{2}(-[a-z]+)+-\d{1,2}:\d{12}:namespace/(?<id>ns-[a-z0-9]{1,61})$")]
    private static partial Regex NamespaceArn();
}
