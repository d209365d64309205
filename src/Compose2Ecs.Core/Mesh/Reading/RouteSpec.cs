using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Mesh;

/// <summary>A route as written: protocol and port may be left to default from the targets.</summary>
internal sealed record RouteSpec(
    string Name,
    SourceLocation Location,
    MeshProtocol? Protocol,
    SourceLocation ProtocolLocation,
    int? Port,
    SourceLocation PortLocation,
    ImmutableArray<RouteRule> Rules);
