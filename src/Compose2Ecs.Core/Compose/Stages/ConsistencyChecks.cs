using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// The consistency checks `docker compose config` runs on the loaded project (C2E1110): a
/// service's named volumes are defined at the top level; network_mode excludes
/// networks; container_name allows one replica; scale, cpus and mem_limit agree with their
/// deploy counterparts; the platform is one build.platforms builds; a target is mounted once;
/// counts are not negative.
/// </summary>
internal static class ConsistencyChecks
{
    public static void Check(MappingNode root, DiagnosticBag diagnostics)
    {
        if (root["services"] is not MappingNode services)
        {
            return;
        }

        var volumes = (root["volumes"] as MappingNode)?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
                foreach (var entry in services.Entries)
        {
            if (entry.Value is MappingNode service)
            {
                Service($"services.{entry.Name}", service, volumes, diagnostics);
            }
        }
    }

    private static void Service(string path, MappingNode service, HashSet<string> volumes, DiagnosticBag diagnostics)
    {
        void Error(Node at, string message) => diagnostics.Error(at.Location, ComposeDiagnosticCodes.Consistency, $"{path}: {message}");

        var mounted = new HashSet<string>(StringComparer.Ordinal);
        if (service["tmpfs"] is SequenceNode tmpfs)
        {
            foreach (var item in tmpfs.Items.OfType<ScalarNode>())
            {
                mounted.Add(item.Value.Split(':')[0]);
            }
        }

        if (service["volumes"] is SequenceNode mounts)
        {
            foreach (var mount in mounts.Items.OfType<MappingNode>())
            {
                if (Text(mount["type"]) == "volume" && Text(mount["source"]) is { Length: > 0 } source && !volumes.Contains(source))
                {
                    Error(mount, $"volume \"{source}\" is not defined under the top-level \"volumes\"; declare it there (or use a path such as ./{source} for a bind mount)");
                }

                if (Text(mount["target"]) is { } target && !mounted.Add(target))
                {
                    Error(mount, $"target {target} is mounted twice (by volumes or tmpfs); keep one mount per target");
                }
            }
        }

        if (service["networks"] is MappingNode serviceNetworks)
        {
            // Undefined networks are not checked: compose-go's own full example names one and loads.
            if (service.Find("network_mode") is { } networkMode)
            {
                Error(networkMode.Key, "network_mode and networks cannot both be set; keep one of them");
            }
        }

        var deploy = service["deploy"] as MappingNode;
        var replicas = Number(deploy?["replicas"]);
        var scale = Number(service["scale"]);
        foreach (var (node, value) in new[] { (deploy?["replicas"], replicas), (service["scale"], scale) })
        {
            if (value < 0)
            {
                Error(node!, $"{Text(node)} replicas: must be 0 or more");
            }
        }

        if (scale is not null && replicas is not null && scale != replicas)
        {
            Error(service["scale"]!, $"scale ({scale}) and deploy.replicas ({replicas}) differ; keep one of them");
        }

        if (service["container_name"] is ScalarNode { IsNull: false } containerName && (replicas ?? scale ?? 1) > 1)
        {
            Error(containerName, "container_name names a single container, but the service has more than one replica; remove container_name or run one replica");
        }

        var limits = (deploy?["resources"] as MappingNode)?["limits"] as MappingNode;
        foreach (var (own, limit) in new[] { ("cpus", "cpus"), ("mem_limit", "memory") })
        {
            if (service[own] is ScalarNode ownValue && limits?[limit] is ScalarNode limitValue && Number(ownValue) != Number(limitValue))
            {
                Error(ownValue, $"{own} ({ownValue.Value}) and deploy.resources.limits.{limit} ({limitValue.Value}) differ; keep one of them");
            }
        }

        if (service["platform"] is ScalarNode { IsNull: false } platform && (service["build"] as MappingNode)?["platforms"] is SequenceNode platforms
            && platforms.Items.Length > 0 && !platforms.Items.OfType<ScalarNode>().Any(p => p.Value == platform.Value))
        {
            Error(platform, $"platform {platform.Value} is not one of build.platforms; add it there");
        }
    }

    private static string? Text(Node? node) => node is ScalarNode { IsNull: false } s ? s.Value : null;

    private static double? Number(Node? node) => node is ScalarNode s && CoreSchema.TryGetFloat(s.Value, out var value) ? value : null;
}
