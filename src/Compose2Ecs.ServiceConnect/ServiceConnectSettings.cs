using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.ServiceConnect;

/// <summary><c>x-mesh.service_connect</c> (spec §7).</summary>
public sealed record ServiceConnectSettings
{
    /// <summary>Log group of the Service Connect proxy. Default: <c>/ecs/&lt;project&gt;/service-connect</c>.</summary>
    public required string LogGroup { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
