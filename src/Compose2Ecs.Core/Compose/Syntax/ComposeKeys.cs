using System.Collections.Frozen;

namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>The keys the Compose Specification (2025-10) allows, for "unknown key" errors with a suggestion.</summary>
public static class ComposeKeys
{
    public static readonly FrozenSet<string> TopLevel = FrozenSet.Create(StringComparer.Ordinal,
        "configs", "include", "models", "name", "networks", "secrets", "services", "version", "volumes");

    public static readonly FrozenSet<string> Service = FrozenSet.Create(StringComparer.Ordinal,
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
        "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
        "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
        "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint", "env_file",
        "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add", "healthcheck",
        "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
        "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
        "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_start", "pre_stop",
        "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime",
        "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal",
        "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts",
        "volumes", "volumes_from", "working_dir");

    public static readonly FrozenSet<string> Healthcheck = FrozenSet.Create(StringComparer.Ordinal,
        "disable", "interval", "retries", "test", "timeout", "start_period", "start_interval");

    public static readonly FrozenSet<string> Port = FrozenSet.Create(StringComparer.Ordinal,
        "name", "mode", "host_ip", "target", "published", "protocol", "app_protocol");

    public static readonly FrozenSet<string> Dependency = FrozenSet.Create(StringComparer.Ordinal,
        "condition", "required", "restart");

    public static readonly FrozenSet<string> Extends = FrozenSet.Create(StringComparer.Ordinal, "service", "file");

    public static readonly FrozenSet<string> DependencyConditions = FrozenSet.Create(StringComparer.Ordinal,
        "service_started", "service_healthy", "service_completed_successfully");
}
