using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>
/// The merge rules of special keys, as compose-go's override/merge.go and override/uncity.go apply
/// them to <c>-f</c> layers (issue #20, item 13), matched by place in the tree, never by key name.
/// </summary>
public sealed class ComposeGoMergeRulesTests
{
    private static Compose2Ecs.Core.Yaml.MappingNode Merge(string baseYaml, string overrideYaml)
    {
        using var project = new TempProject().With("base.yml", baseYaml).With("override.yml", overrideYaml);
        return project.Load("base.yml", "override.yml").Root;
    }

    [Fact]
    public void Devices_merge_by_container_path()
    {
        var root = Merge(
            "services:\n  web:\n    image: x\n    devices: ['/dev/sda:/dev/sda', '/dev/sdb:/dev/sdb']\n",
            "services:\n  web:\n    devices: ['/dev/nvme0:/dev/sda']\n");

        Assert.Equal(("/dev/sda", "/dev/sdb"), (TreePath.Text(root, "services.web.devices[0].target"), TreePath.Text(root, "services.web.devices[1].target")));
        Assert.Equal("/dev/nvme0", TreePath.Text(root, "services.web.devices[0].source"));
        Assert.Null(TreePath.Text(root, "services.web.devices[2].target"));
    }

    [Fact]
    public void Env_files_merge_by_path_in_place()
    {
        using var project = new TempProject()
            .With("base.yml", "services:\n  web:\n    image: x\n    env_file: [bar.env, foo.env]\n")
            .With("override.yml", "services:\n  web:\n    env_file:\n      - path: foo.env\n        required: false\n")
            .With("bar.env", "A=1\n");

        var root = project.Load("base.yml", "override.yml").Root;

        Assert.Equal(project.PathOf("foo.env"), TreePath.Text(root, "services.web.env_file[1].path"));
        Assert.Equal("false", TreePath.Text(root, "services.web.env_file[1].required"));
        Assert.Null(TreePath.Text(root, "services.web.env_file[2].path"));
    }

    [Fact]
    public void Logging_with_another_driver_replaces_the_options()
    {
        var root = Merge(
            "services:\n  web:\n    image: x\n    logging: {driver: local, options: {max-size: 10m}}\n",
            "services:\n  web:\n    logging: {driver: syslog, options: {syslog-address: 'tcp://127.0.0.1:123'}}\n");

        Assert.Equal("syslog", TreePath.Text(root, "services.web.logging.driver"));
        Assert.Null(TreePath.Text(root, "services.web.logging.options.max-size"));
        Assert.Equal("tcp://127.0.0.1:123", TreePath.Text(root, "services.web.logging.options.syslog-address"));
    }

    [Fact]
    public void Logging_with_the_same_driver_merges_the_options()
    {
        var root = Merge(
            "services:\n  web:\n    image: x\n    logging: {driver: local, options: {max-size: 10m}}\n",
            "services:\n  web:\n    logging: {options: {max-file: '3'}}\n");

        Assert.Equal(("local", "10m", "3"), (TreePath.Text(root, "services.web.logging.driver"), TreePath.Text(root, "services.web.logging.options.max-size"), TreePath.Text(root, "services.web.logging.options.max-file")));
    }

    [Fact]
    public void Secrets_merge_by_target_with_the_default_mount_point()
    {
        var root = Merge(
            "services:\n  web:\n    image: x\n    secrets: [foo, bar]\nsecrets:\n  foo: {file: ./foo}\n  bar: {file: ./bar}\n  zot: {file: ./zot}\n",
            "services:\n  web:\n    secrets:\n      - source: zot\n        target: /run/secrets/foo\n");

        Assert.Equal(("zot", "/run/secrets/foo"), (TreePath.Text(root, "services.web.secrets[0].source"), TreePath.Text(root, "services.web.secrets[0].target")));
        Assert.Equal("bar", TreePath.Text(root, "services.web.secrets[1].source"));
        Assert.Null(TreePath.Text(root, "services.web.secrets[2].source"));
    }

    [Fact]
    public void Ipam_config_merges_by_subnet_field_by_field()
    {
        var root = Merge(
            "services:\n  web: {image: x}\nnetworks:\n  net:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          gateway: 172.28.5.254\n          aux_addresses: {host1: 172.28.1.5, host3: 172.28.1.7}\n",
            "networks:\n  net:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          aux_addresses: {host1: 172.28.1.6}\n        - subnet: 172.29.0.0/16\n");

        Assert.Equal("172.28.5.254", TreePath.Text(root, "networks.net.ipam.config[0].gateway"));
        Assert.Equal(("172.28.1.6", "172.28.1.7"), (TreePath.Text(root, "networks.net.ipam.config[0].aux_addresses.host1"), TreePath.Text(root, "networks.net.ipam.config[0].aux_addresses.host3")));
        Assert.Equal("172.29.0.0/16", TreePath.Text(root, "networks.net.ipam.config[1].subnet"));
    }

    [Fact]
    public void A_network_named_like_a_rule_key_is_not_matched_by_name()
    {
        // "logging" as a network name must not take the logging rule: both layers' keys survive.
        var root = Merge(
            "services:\n  web: {image: x}\nnetworks:\n  logging: {driver: bridge, labels: {a: '1'}}\n",
            "networks:\n  logging: {driver: overlay, labels: {b: '2'}}\n");

        Assert.Equal(("overlay", "1", "2"), (TreePath.Text(root, "networks.logging.driver"), TreePath.Text(root, "networks.logging.labels.a"), TreePath.Text(root, "networks.logging.labels.b")));
    }

    [Fact]
    public void Depends_on_merges_field_by_field()
    {
        var root = Merge(
            "services:\n  web:\n    image: x\n    depends_on:\n      db: {condition: service_healthy}\n  db: {image: y}\n",
            "services:\n  web:\n    depends_on:\n      db: {required: false}\n");

        Assert.Equal(("service_healthy", "false", "false"), (TreePath.Text(root, "services.web.depends_on.db.condition"), TreePath.Text(root, "services.web.depends_on.db.required"), TreePath.Text(root, "services.web.depends_on.db.restart")));
    }

    [Fact]
    public void Depends_on_defaults_are_filled_when_no_layer_sets_them()
    {
        var root = Merge(
            "services:\n  web:\n    image: x\n    depends_on: [db]\n  db: {image: y}\n",
            "services:\n  web:\n    depends_on:\n      cache: {}\n  cache: {image: z}\n");

        Assert.Equal(("service_started", "true"), (TreePath.Text(root, "services.web.depends_on.db.condition"), TreePath.Text(root, "services.web.depends_on.db.required")));
        Assert.Equal(("service_started", "true", "false"), (TreePath.Text(root, "services.web.depends_on.cache.condition"), TreePath.Text(root, "services.web.depends_on.cache.required"), TreePath.Text(root, "services.web.depends_on.cache.restart")));
    }
}
