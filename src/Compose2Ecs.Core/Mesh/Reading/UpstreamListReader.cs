using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Parses a service's <c>upstreams</c>: names (short form) or <c>{ service, local_port }</c>
/// (long form). What the names mean is resolved later, by <see cref="EdgeResolver"/>.
/// </summary>
internal sealed class UpstreamListReader(NodeReader fields)
{
    public ImmutableArray<UpstreamSpec>? Read(Node node, string path)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not SequenceNode seq)
        {
            fields.Error(node.Location, MeshDiagnosticCodes.WrongKind, path, $"must be a list of services or routes, not {node.Describe()}");
            return null;
        }

        var result = ImmutableArray.CreateBuilder<UpstreamSpec>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            switch (seq.Items[i])
            {
                case ScalarNode { IsNull: false } name when name.Value.Length > 0:
                    result.Add(new UpstreamSpec(name.Value, null, name.Location, SourceLocation.None));
                    break;
                case MappingNode map:
                    fields.KnownKeys(map, itemPath, MeshKeys.Upstream);
                    var service = map.Find("service");
                    if (service is null)
                    {
                        fields.Error(map.Location, MeshDiagnosticCodes.MissingKey, itemPath, "service is required in the long form; name the service or route to call");
                        break;
                    }

                    if (fields.Text(service.Value, $"{itemPath}.service") is not { } target)
                    {
                        break;
                    }

                    var localPort = map["local_port"] is { } lp ? fields.Port(lp, $"{itemPath}.local_port") : null;
                    result.Add(new UpstreamSpec(target, localPort, service.Value.Location, map["local_port"]?.Location ?? SourceLocation.None));
                    break;
                default:
                    fields.Error(seq.Items[i].Location, MeshDiagnosticCodes.WrongKind, itemPath,
                        $"must be a service or route name, or {{ service: NAME, local_port: PORT }}, not {seq.Items[i].Describe()}");
                    break;
            }
        }

        return result.ToImmutable();
    }
}
