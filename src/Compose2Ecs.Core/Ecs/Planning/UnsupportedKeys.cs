using System.Collections.Frozen;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Compose keys that have no ECS meaning: each one found is a warning with its location,
/// never a silent drop. Keys the ECS base maps are listed in <see cref="Mapped"/>.
/// </summary>
internal static class UnsupportedKeys
{
    /// <summary>Keys the base maps (or that the loader has already applied).</summary>
    private static readonly FrozenSet<string> Mapped = FrozenSet.Create(StringComparer.Ordinal,
        "image", "build", "command", "entrypoint", "environment", "env_file", "label_file", "ports", "expose", "healthcheck",
        "depends_on", "deploy", "secrets", "volumes", "user", "working_dir", "read_only", "init", "ulimits",
        "stop_grace_period", "labels", "cap_add", "cap_drop", "cpus", "mem_limit", "mem_reservation", "platform",
        "profiles", "tty", "stdin_open", "scale", "extends");

    /// <summary>Why a key has no ECS meaning, where a specific reason helps.</summary>
    private static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["restart"] = "ECS services always replace stopped tasks; the restart policy is not used",
        ["container_name"] = "ECS names the container after the service; other services reach it as <service>.<namespace>",
        ["hostname"] = "Fargate tasks get their host name from their network interface",
        ["domainname"] = "Fargate tasks get their domain from the VPC",
        ["networks"] = "all tasks share the VPC; who may connect to whom follows depends_on (security groups), not compose networks",
        ["network_mode"] = "Fargate tasks always use awsvpc networking",
        ["links"] = "other services are reached through Cloud Map as <service>.<namespace>",
        ["external_links"] = "other services are reached through Cloud Map as <service>.<namespace>",
        ["extra_hosts"] = "awsvpc tasks cannot add /etc/hosts entries",
        ["dns"] = "awsvpc tasks use the VPC's DNS",
        ["dns_search"] = "awsvpc tasks use the VPC's DHCP options for search domains",
        ["dns_opt"] = "awsvpc tasks use the VPC's DNS",
        ["configs"] = "configs are not mounted on ECS: the app will not find those files; copy them into the image",
        ["privileged"] = "Fargate does not run privileged containers",
        ["devices"] = "Fargate gives containers no host devices",
        ["gpus"] = "Fargate has no GPUs",
        ["tmpfs"] = "Fargate has no tmpfs mounts",
        ["shm_size"] = "Fargate does not set the shared memory size",
        ["sysctls"] = "compose2ecs does not set kernel parameters on Fargate",
        ["stop_signal"] = "ECS always stops containers with SIGTERM",
        ["pull_policy"] = "ECS pulls the image when a task starts",
        ["volumes_from"] = "containers of different services do not share volumes on ECS",
        ["security_opt"] = "Fargate does not take security options",
        ["pid"] = "Fargate tasks cannot share the host's PID namespace",
        ["ipc"] = "Fargate tasks cannot share IPC namespaces",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>deploy keys the base maps.</summary>
    private static readonly FrozenSet<string> MappedDeploy = FrozenSet.Create(StringComparer.Ordinal, "replicas", "resources");

    public static void Check(ComposeService service, DiagnosticBag diagnostics)
    {
        foreach (var entry in service.Node.Entries)
        {
            var key = entry.Name;
            if (Mapped.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            if (key == "logging")
            {
                CheckLogging(service, entry, diagnostics);
                continue;
            }

            var reason = Reasons.GetValueOrDefault(key, "it has no ECS Fargate equivalent");
            diagnostics.Warning(entry.Key.Location, EcsDiagnosticCodes.IgnoredKey, $"services.{service.Name}.{key}: ignored: {reason}");
        }

        if (service.Node["deploy"] is MappingNode deploy)
        {
            CheckDeploy(service, deploy, diagnostics);
        }
    }

    private static void CheckLogging(ComposeService service, MappingEntry logging, DiagnosticBag diagnostics)
    {
        var driver = (logging.Value as MappingNode)?["driver"] is ScalarNode { IsNull: false } d ? d.Value : null;
        if (driver is null or "awslogs")
        {
            if (logging.Value is MappingNode { } map && map.Contains("options"))
            {
                diagnostics.Warning(logging.Key.Location, EcsDiagnosticCodes.LoggingReplaced, $"services.{service.Name}.logging.options: ignored: logs go to the service's CloudWatch log group (awslogs, 30 days)");
            }

            return;
        }

        diagnostics.Warning(logging.Key.Location, EcsDiagnosticCodes.LoggingReplaced,
            $"services.{service.Name}.logging: the {driver} driver is replaced by awslogs: logs go to the service's CloudWatch log group (30 days)");
    }

    private static void CheckDeploy(ComposeService service, MappingNode deploy, DiagnosticBag diagnostics)
    {
        foreach (var entry in deploy.Entries)
        {
            if (MappedDeploy.Contains(entry.Name) || entry.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            var value = entry.Value is ScalarNode { IsNull: false } s ? s.Value : null;
            var message = (entry.Name, value) switch
            {
                ("mode", "replicated") => null,
                ("mode", _) => $"ignored: Fargate services are replicated; mode {value} runs as {service.Deploy?.Replicas ?? 1} task(s)",
                ("restart_policy", _) => "ignored: ECS services always replace stopped tasks",
                ("labels", _) => "ignored: service labels become tags only from the service's own labels",
                _ => "ignored: it has no ECS Fargate equivalent",
            };
            if (message is not null)
            {
                diagnostics.Warning(entry.Key.Location, EcsDiagnosticCodes.IgnoredDeployKey, $"services.{service.Name}.deploy.{entry.Name}: {message}");
            }
        }

        if (deploy["resources"] is MappingNode resources)
        {
            foreach (var (section, map) in resources.Entries.Where(e => e.Value is MappingNode).Select(e => (e.Name, (MappingNode)e.Value)))
            {
                foreach (var entry in map.Entries.Where(e => e.Name is not ("cpus" or "memory")))
                {
                    diagnostics.Warning(entry.Key.Location, EcsDiagnosticCodes.IgnoredDeployKey, $"services.{service.Name}.deploy.resources.{section}.{entry.Name}: ignored: Fargate sizes tasks by CPU and memory only");
                }
            }
        }
    }
}
