using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Consul;

/// <summary><c>x-mesh.consul</c> (spec §6), defaults applied.</summary>
public sealed record ConsulSettings
{
    public ConsulMode Mode { get; init; } = ConsulMode.Dataplane;

    public string Datacenter { get; init; } = "dc1";

    public ConsulServers Servers { get; init; } = new();

    /// <summary>Deploy a single dev/test Consul server task (no persistence).</summary>
    public bool DevServer { get; init; }

    /// <summary>IAM auth method login and the ACL controller. Default false.</summary>
    public bool Acls { get; init; }

    /// <summary>For the ACL controller; required with <c>acls: true</c> unless <c>dev_server</c>.</summary>
    public string? BootstrapTokenSecretArn { get; init; }

    /// <summary>Agent mode only.</summary>
    public string? GossipKeySecretArn { get; init; }

    /// <summary>Agent mode only.</summary>
    public ImmutableArray<string> RetryJoin { get; init; } = [];

    /// <summary>Consul Enterprise admin partition; null: none.</summary>
    public string? Partition { get; init; }

    /// <summary>Consul Enterprise namespace; null: none.</summary>
    public string? Namespace { get; init; }

    public ConsulConfigEntries ConfigEntries { get; init; } = ConsulConfigEntries.Task;

    /// <summary>
    /// Rewrite environment values that name an upstream to its local listener (spec §2: Fargate has no
    /// transparent proxy). Default true; false leaves them as written, each a warning.
    /// </summary>
    public bool RewriteEnv { get; init; } = true;

    public ConsulImages Images { get; init; } = new();

    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary><c>x-mesh.consul.servers</c>.</summary>
public sealed record ConsulServers
{
    /// <summary>DNS name, IP or <c>exec=&lt;command&gt;</c>; null only with <c>dev_server</c> (the dev server's address is used).</summary>
    public string? Hosts { get; init; }

    /// <summary>The servers' security group: ingress rules from the tasks are added to it.</summary>
    public string? SecurityGroup { get; init; }

    /// <summary>TLS to the servers (HTTPS 8501, gRPC 8503). Default: true, or false with <c>dev_server</c>.</summary>
    public bool Tls { get; init; } = true;

    public string? TlsServerName { get; init; }

    public string? CaCertSecretArn { get; init; }

    public bool SkipServerWatch { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary><c>x-mesh.consul.images</c>: defaults are those of consul-ecs 0.10.0 and its Terraform modules.</summary>
public sealed record ConsulImages
{
    public const string DefaultConsulEcs = "public.ecr.aws/hashicorp/consul-ecs:0.10.0";
    public const string DefaultConsulDataplane = "hashicorp/consul-dataplane:2.0.1";
    public const string DefaultConsul = "hashicorp/consul:1.15.10";
    public const string DefaultEnvoy = "envoyproxy/envoy-distroless:v1.23.10";

    /// <summary>consul-ecs 0.10 supports Consul 1.21, 1.22 and 2.0 servers (its README); dataplane 2.0.1 pairs with 2.0.</summary>
    public const string DefaultConsulServer = "hashicorp/consul:2.0.1";

    public string ConsulEcs { get; init; } = DefaultConsulEcs;

    public string ConsulDataplane { get; init; } = DefaultConsulDataplane;

    /// <summary>Agent mode's client (Consul 1.15, as consul-ecs 0.6 supports).</summary>
    public string Consul { get; init; } = DefaultConsul;

    /// <summary>The dev server and the config-entries writer.</summary>
    public string ConsulServer { get; init; } = DefaultConsulServer;

    /// <summary>Agent mode.</summary>
    public string Envoy { get; init; } = DefaultEnvoy;
}
