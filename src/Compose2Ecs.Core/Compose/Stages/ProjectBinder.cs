using System.Collections.Immutable;
using System.Globalization;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 9: reads the validated, normalized tree into the typed <see cref="ComposeProject"/>.
/// Every shape was checked by the earlier stages, so this stage only reads.
/// </summary>
internal static class ProjectBinder
{
    public static ComposeProject Bind(string name, string workingDirectory, ImmutableArray<string> files, MappingNode root, ImmutableArray<Diagnostic> warnings) => new()
    {
        Name = name,
        WorkingDirectory = workingDirectory,
        Files = files,
        Root = root,
        Warnings = warnings,
        Services = root["services"] is MappingNode services
            ? [.. services.Entries.Where(e => e.Value is MappingNode).Select(e => Service(e.Name, e.Key.Location, (MappingNode)e.Value))]
            : [],
        Secrets = Definitions(root["secrets"], workingDirectory),
        Configs = Definitions(root["configs"], workingDirectory),
        Volumes = Named(root["volumes"]),
        Networks = Named(root["networks"]),
    };

    private static ComposeService Service(string name, SourceLocation location, MappingNode node) => new()
    {
        Name = name,
        Location = location,
        Node = node,
        Image = Text(node["image"]),
        Build = node["build"] is MappingNode build ? new BuildSpec(Text(build["context"]) ?? ".", Text(build["dockerfile"]), build.Location) : null,
        Command = Strings(node["command"]),
        Entrypoint = Strings(node["entrypoint"]),
        Environment = node["environment"] is MappingNode env
            ? [.. env.Entries.Select(e => new EnvironmentVariable(e.Name, e.Value is ScalarNode { IsNull: false } v ? v.Value : null, e.Key.Location))]
            : [],
        Ports = node["ports"] is SequenceNode ports ? [.. ports.Items.OfType<MappingNode>().Select(Port)] : [],
        Expose = node["expose"] is SequenceNode expose ? [.. expose.Items.OfType<ScalarNode>().SelectMany(n => ExposedPorts(n, "tcp"))] : [],
        ExposeUdp = node["expose"] is SequenceNode exposeUdp ? [.. exposeUdp.Items.OfType<ScalarNode>().SelectMany(n => ExposedPorts(n, "udp"))] : [],
        Healthcheck = node["healthcheck"] is MappingNode hc ? Healthcheck(hc) : null,
        DependsOn = node["depends_on"] is MappingNode deps ? [.. deps.Entries.Select(Dependency)] : [],
        Deploy = node["deploy"] is MappingNode deploy ? Deploy(deploy) : null,
        Secrets = References(node["secrets"], "/run/secrets/"),
        Configs = References(node["configs"], "/"),
        Volumes = node["volumes"] is SequenceNode volumes ? [.. volumes.Items.OfType<MappingNode>().Select(Volume)] : [],
        User = Text(node["user"]),
        WorkingDir = Text(node["working_dir"]),
        ReadOnly = Bool(node["read_only"]) ?? false,
        Init = Bool(node["init"]),
        Ulimits = node["ulimits"] is MappingNode ulimits
            ? [.. ulimits.Entries.Where(e => e.Value is MappingNode).Select(e => new Ulimit(e.Name, Long((MappingNode)e.Value, "soft"), Long((MappingNode)e.Value, "hard"), e.Key.Location))]
            : [],
        StopGracePeriod = Duration(node["stop_grace_period"]),
        Labels = node["labels"] is MappingNode labels
            ? [.. labels.Entries.Select(e => new KeyValuePair<string, string>(e.Name, Text(e.Value) ?? ""))]
            : [],
        CapAdd = Strings(node["cap_add"]) ?? [],
        CapDrop = Strings(node["cap_drop"]) ?? [],
        Profiles = Strings(node["profiles"]) ?? [],
        Cpus = Number(node["cpus"]),
        MemLimitBytes = Integer(node["mem_limit"]),
        MemReservationBytes = Integer(node["mem_reservation"]),
        Platform = Text(node["platform"]),
    };

    private static ServicePort Port(MappingNode port) => new()
    {
        Target = (int)(Integer(port["target"]) ?? 0),
        Published = Text(port["published"]) is { } published && int.TryParse(published.Split('-')[0], CultureInfo.InvariantCulture, out var p) ? p : null,
        HostIp = Text(port["host_ip"]),
        Protocol = Text(port["protocol"]) ?? "tcp",
        AppProtocol = Text(port["app_protocol"]),
        Name = Text(port["name"]),
        Mode = Text(port["mode"]) ?? "ingress",
        Location = port.Location,
    };

    private static IEnumerable<int> ExposedPorts(ScalarNode node, string protocol) =>
        PortSyntax.TryParse(node.Value, node.Location, out _)?.Where(p => p.Protocol == protocol).Select(p => p.Target) ?? [];

    private static Healthcheck Healthcheck(MappingNode node) => new()
    {
        Test = Strings(node["test"]) ?? [],
        Interval = Duration(node["interval"]),
        Timeout = Duration(node["timeout"]),
        StartPeriod = Duration(node["start_period"]),
        StartInterval = Duration(node["start_interval"]),
        Retries = Integer(node["retries"]) is { } r ? (int)Math.Clamp(r, int.MinValue, int.MaxValue) : null,
        Disable = Bool(node["disable"]) ?? false,
        Location = node.Location,
    };

    private static ServiceDependency Dependency(MappingEntry entry)
    {
        var options = entry.Value as MappingNode;
        return new ServiceDependency(
            entry.Name,
            Text(options?["condition"]) ?? ServiceDependency.Started,
            Bool(options?["required"]) ?? true,
            Bool(options?["restart"]) ?? false,
            entry.Key.Location);
    }

    private static DeploySpec Deploy(MappingNode node)
    {
        var resources = node["resources"] as MappingNode;
        return new DeploySpec
        {
            Replicas = Integer(node["replicas"]) is { } r ? (int)Math.Clamp(r, int.MinValue, int.MaxValue) : null,
            Limits = resources?["limits"] is MappingNode limits ? Resources(limits) : null,
            Reservations = resources?["reservations"] is MappingNode reservations ? Resources(reservations) : null,
            Location = node.Location,
        };
    }

    private static ResourceSpec Resources(MappingNode node) => new(Number(node["cpus"]), Integer(node["memory"]), node.Location);

    private static ImmutableArray<ServiceFileReference> References(Node? node, string defaultDirectory) =>
        node is SequenceNode list
            ? [.. list.Items.OfType<MappingNode>().Select(m =>
            {
                var source = Text(m["source"]) ?? "";
                var target = Text(m["target"]) ?? defaultDirectory + source;
                return new ServiceFileReference(source, target, m.Location);
            })]
            : [];

    private static ServiceVolume Volume(MappingNode node) => new(
        Text(node["type"]) ?? "volume",
        Text(node["source"]),
        Text(node["target"]) ?? "",
        Bool(node["read_only"]) ?? false,
        node.Location);

    /// <summary>A secret's file as the user would name it: relative to the project when inside it (messages stay machine-independent).</summary>
    private static string? ProjectRelative(string? file, string projectDirectory) =>
        file is not null && Path.IsPathRooted(file) && Path.GetRelativePath(projectDirectory, file) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            ? "./" + relative
            : file;

    private static ImmutableArray<SecretDefinition> Definitions(Node? node, string projectDirectory) =>
        node is MappingNode map
            ? [.. map.Entries.Select(e =>
            {
                var definition = e.Value as MappingNode;
                return new SecretDefinition
                {
                    Name = e.Name,
                    Location = e.Key.Location,
                    File = ProjectRelative(Text(definition?["file"]), projectDirectory),
                    Environment = Text(definition?["environment"]),
                    Content = Text(definition?["content"]),
                    External = Bool(definition?["external"]) ?? (definition?["external"] is MappingNode),
                    ExternalName = Text(definition?["name"]) ?? (definition?["external"] is MappingNode ext ? Text(ext["name"]) : null),
                };
            })]
            : [];

    private static ImmutableArray<NamedResource> Named(Node? node) =>
        node is MappingNode map
            ? [.. map.Entries.Select(e => new NamedResource(e.Name, e.Key.Location, e.Value as MappingNode ?? MappingNode.Empty(e.Value.Location)))]
            : [];

    private static string? Text(Node? node) => node is ScalarNode { IsNull: false } s ? s.Value : null;

    private static bool? Bool(Node? node) => node is ScalarNode s && CoreSchema.TryGetBool(s.Value, out var b) ? b : null;

    private static long? Integer(Node? node) => node is ScalarNode s && CoreSchema.TryGetInt(s.Value, out var i) ? i : null;

    private static long Long(MappingNode node, string key) => Integer(node[key]) ?? 0;

    private static double? Number(Node? node) => node is ScalarNode s && CoreSchema.TryGetFloat(s.Value, out var d) ? d : null;

    private static TimeSpan? Duration(Node? node) => node is ScalarNode { IsNull: false } s && Durations.TryParse(s.Value, out var t) ? t : null;

    private static ImmutableArray<string>? Strings(Node? node) => node switch
    {
        SequenceNode seq => [.. seq.Items.OfType<ScalarNode>().Select(s => s.Value)],
        ScalarNode { IsNull: false } s => [s.Value],
        _ => null,
    };
}
