using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.ServiceConnect;

/// <summary><c>x-mesh.service_connect</c> (spec §7, and <c>namespace</c>, an extension beyond it).</summary>
public sealed record ServiceConnectSettings
{
    /// <summary>Log group of the Service Connect proxy. Default: <c>/ecs/&lt;project&gt;/service-connect</c>.</summary>
    public required string LogGroup { get; init; }

    /// <summary><c>namespace: { arn: ... }</c>: an existing Cloud Map namespace to share instead of creating one; null: create it.</summary>
    public ExistingNamespace? Namespace { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>
/// An existing Cloud Map private DNS namespace, by ARN (<c>arn:aws:servicediscovery:&lt;region&gt;:&lt;account&gt;:namespace/ns-...</c>).
/// Its id is the ARN's last part, so the base's DNS records and ECS's Service Connect configuration need no look-up.
/// </summary>
/// <param name="Location">Where <c>namespace</c> is written (the key), for errors about what it needs.</param>
public sealed record ExistingNamespace(string Arn, string Id, SourceLocation Location);
