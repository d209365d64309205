using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Consul;

/// <summary>
/// Reads <c>x-mesh.consul</c> (spec §6). When consul is the chosen backend, also checks what it
/// requires: servers unless dev_server, a bootstrap token with ACLs, and no agent-mode keys
/// in dataplane mode (they would be silently unused).
/// </summary>
internal sealed partial class ConsulSectionReader(NodeReader fields)
{
    public const string Key = "consul";

    private const string Path = "x-mesh.consul";

    private static readonly ImmutableArray<string> Keys =
        ["mode", "datacenter", "servers", "dev_server", "acls", "bootstrap_token_secret_arn", "gossip_key_secret_arn", "retry_join",
         "partition", "namespace", "config_entries", "rewrite_env", "images"];

    private static readonly ImmutableArray<string> ServersKeys = ["hosts", "security_group", "tls", "tls_server_name", "ca_cert_secret_arn", "skip_server_watch"];

    private static readonly ImmutableArray<string> ImagesKeys = ["consul_ecs", "consul_dataplane", "consul", "consul_server", "envoy"];

    /// <summary>The section as the mesh reader registers it.</summary>
    public static MeshSection Section { get; } = MeshSection.Create(Key, input => new ConsulSectionReader(input.Fields).Read(input.Entry, input.IsChosen, input.MeshLocation),
        EmbeddedText.Read(typeof(ConsulSectionReader).Assembly, "x-mesh.consul.schema.json"));

    private static readonly Dictionary<string, ConsulMode> Modes = new(StringComparer.Ordinal)
    {
        ["dataplane"] = ConsulMode.Dataplane,
        ["agent"] = ConsulMode.Agent,
    };

    private static readonly Dictionary<string, ConsulConfigEntries> ConfigEntryModes = new(StringComparer.Ordinal)
    {
        ["task"] = ConsulConfigEntries.Task,
        ["files"] = ConsulConfigEntries.Files,
    };

    public ConsulSettings Read(MappingEntry? entry, bool isChosen, SourceLocation meshLocation)
    {
        if (entry is null || fields.Mapping(entry.Value, Path) is not { } map)
        {
            if (isChosen && entry is null)
            {
                fields.Error(meshLocation, ConsulDiagnosticCodes.ServersRequired, Path, MissingServers);
            }

            return new ConsulSettings { Location = entry?.Key.Location ?? SourceLocation.None };
        }

        fields.KnownKeys(map, Path, Keys);
        var devServer = map["dev_server"] is { } dev && (fields.Bool(dev, $"{Path}.dev_server") ?? false);
        var settings = new ConsulSettings
        {
            Location = entry.Key.Location,
            Mode = map["mode"] is { } mode ? fields.Choice(mode, $"{Path}.mode", Modes) ?? ConsulMode.Dataplane : ConsulMode.Dataplane,
            Datacenter = Text(map, "datacenter") ?? "dc1",
            Servers = Servers(map.Find("servers"), devServer),
            DevServer = devServer,
            Acls = map["acls"] is { } acls && (fields.Bool(acls, $"{Path}.acls") ?? false),
            BootstrapTokenSecretArn = SecretArn(map, "bootstrap_token_secret_arn", Path),
            GossipKeySecretArn = SecretArn(map, "gossip_key_secret_arn", Path),
            RetryJoin = map["retry_join"] is { } join ? fields.StringList(join, $"{Path}.retry_join") ?? [] : [],
            Partition = Text(map, "partition"),
            Namespace = Text(map, "namespace"),
            ConfigEntries = map["config_entries"] is { } ce
                ? fields.Choice(ce, $"{Path}.config_entries", ConfigEntryModes) ?? ConsulConfigEntries.Task
                : ConsulConfigEntries.Task,
            RewriteEnv = map["rewrite_env"] is not { } rewrite || (fields.Bool(rewrite, $"{Path}.rewrite_env") ?? true),
            Images = Images(map["images"]),
        };

        if (isChosen)
        {
            CheckRequired(entry, map, settings);
        }

        return settings;
    }

    private const string MissingServers =
        "the consul backend needs servers.hosts (DNS name, IP or exec=<command>) to join, or dev_server: true for a dev/test server";

    private void CheckRequired(MappingEntry entry, MappingNode map, ConsulSettings settings)
    {
        // Agent mode's clients can find the servers by retry_join alone (spec §6).
        var joinsByRetryJoin = settings.Mode == ConsulMode.Agent && !settings.RetryJoin.IsEmpty;
        if (settings.Servers.Hosts is null && !settings.DevServer && !joinsByRetryJoin && (map["servers"] as MappingNode)?.Contains("hosts") != true)
        {
            var servers = map.Find("servers");
            fields.Error(servers?.Key.Location ?? entry.Key.Location, ConsulDiagnosticCodes.ServersRequired, servers is null ? Path : $"{Path}.servers", MissingServers);
        }

        if (settings.Acls && settings.BootstrapTokenSecretArn is null && !settings.DevServer && !map.Contains("bootstrap_token_secret_arn"))
        {
            fields.Error(map.Find("acls")!.Key.Location, ConsulDiagnosticCodes.BootstrapTokenRequired, $"{Path}.acls",
                "acls: true needs bootstrap_token_secret_arn, the Secrets Manager secret the ACL controller logs in with; set it, or acls: false");
        }

        if (settings.Mode == ConsulMode.Dataplane)
        {
            foreach (var key in new[] { "gossip_key_secret_arn", "retry_join" })
            {
                if (map.Find(key) is { } agentKey)
                {
                    fields.Error(agentKey.Key.Location, ConsulDiagnosticCodes.AgentOnlyKey, $"{Path}.{key}",
                        "is for mode: agent (dataplane tasks run no Consul client); remove it, or set mode: agent");
                }
            }
        }
    }

    /// <summary>TLS to the servers defaults on (consul-ecs assumes it), except for the dev server, which has none.</summary>
    private ConsulServers Servers(MappingEntry? entry, bool devServer)
    {
        var defaults = new ConsulServers { Tls = !devServer, Location = entry?.Key.Location ?? SourceLocation.None };
        if (entry is null || fields.Mapping(entry.Value, $"{Path}.servers") is not { } map)
        {
            return defaults;
        }

        var path = $"{Path}.servers";
        fields.KnownKeys(map, path, ServersKeys);
        return defaults with
        {
            Hosts = map["hosts"] is { } hosts ? ServerHosts(hosts, $"{path}.hosts") : null,
            SecurityGroup = map["security_group"] is { } sg ? fields.Text(sg, $"{path}.security_group") : null,
            Tls = map["tls"] is { } tls ? fields.Bool(tls, $"{path}.tls") ?? defaults.Tls : defaults.Tls,
            TlsServerName = map["tls_server_name"] is { } sni ? fields.Text(sni, $"{path}.tls_server_name") : null,
            CaCertSecretArn = SecretArn(map, "ca_cert_secret_arn", path),
            SkipServerWatch = map["skip_server_watch"] is { } skip && (fields.Bool(skip, $"{path}.skip_server_watch") ?? false),
        };
    }

    private ConsulImages Images(Node? node)
    {
        var images = new ConsulImages();
        if (node is null || fields.Mapping(node, $"{Path}.images") is not { } map)
        {
            return images;
        }

        var path = $"{Path}.images";
        fields.KnownKeys(map, path, ImagesKeys);
        return images with
        {
            ConsulEcs = map["consul_ecs"] is { } a ? fields.Text(a, $"{path}.consul_ecs") ?? images.ConsulEcs : images.ConsulEcs,
            ConsulDataplane = map["consul_dataplane"] is { } b ? fields.Text(b, $"{path}.consul_dataplane") ?? images.ConsulDataplane : images.ConsulDataplane,
            Consul = map["consul"] is { } c ? fields.Text(c, $"{path}.consul") ?? images.Consul : images.Consul,
            ConsulServer = map["consul_server"] is { } e ? fields.Text(e, $"{path}.consul_server") ?? images.ConsulServer : images.ConsulServer,
            Envoy = map["envoy"] is { } d ? fields.Text(d, $"{path}.envoy") ?? images.Envoy : images.Envoy,
        };
    }

    /// <summary>
    /// consul-ecs's <c>consulServers.hosts</c>: a DNS name, an IP address, or <c>exec=&lt;command&gt;</c>
    /// (go-netaddrs). Anything else (<c>$(touch x)</c>) is refused here rather than reaching a task's
    /// configuration or shell.
    /// </summary>
    private string? ServerHosts(Node node, string path)
    {
        var hosts = fields.Text(node, path);
        if (hosts is null || ServerHost().IsMatch(hosts) || System.Net.IPAddress.TryParse(hosts, out _)
            || (hosts.StartsWith("exec=", StringComparison.Ordinal) && hosts.Length > 5 && !hosts.Any(char.IsControl)))
        {
            return hosts;
        }

        fields.Diagnostics.Error(node.Location, EcsDiagnosticCodes.InvalidName,
            $"{path}: is not a DNS name, an IP address or exec=<command>; write the servers' DNS name (consul.example.internal), one IP address, or exec=<a command that prints their addresses>");
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial System.Text.RegularExpressions.Regex ServerHost();

    /// <summary>A Secrets Manager ARN the tasks' execution role is granted: it must name one secret, never a wildcard.</summary>
    private string? SecretArn(MappingNode map, string key, string path)
    {
        if (map[key] is not { } node || fields.Text(node, $"{path}.{key}") is not { } arn)
        {
            return null;
        }

        var problem = SecretArns.Problem(arn);
        if (problem is null && !arn.Split(':')[2].Equals("secretsmanager", StringComparison.Ordinal))
        {
            problem = "is an SSM parameter; this key takes a Secrets Manager secret ARN";
        }

        if (problem is not null)
        {
            fields.Diagnostics.Error(node.Location, EcsDiagnosticCodes.SecretNotOne, $"{path}.{key}: the ARN {problem}; {SecretArns.Fix}");
        }

        return arn;
    }

    private string? Text(MappingNode map, string key) => map[key] is { } node ? fields.Text(node, $"{Path}.{key}") : null;
}
