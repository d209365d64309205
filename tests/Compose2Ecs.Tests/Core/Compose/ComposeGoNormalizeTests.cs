using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>Short syntaxes and derived values as compose-go normalizes them (issue #20), through the public loader.</summary>
public class ComposeGoNormalizeTests
{
    private static readonly Dictionary<string, string> Home = new() { ["HOME"] = "/home/tester" };

    private static (MappingNode Root, string Dir) Load(string yaml, IReadOnlyDictionary<string, string>? environment = null, params (string Path, string Text)[] files)
    {
        using var project = new TempProject().With("compose.yaml", yaml);
        foreach (var (path, text) in files)
        {
            project.With(path, text);
        }

        return (project.Load(environment ?? Home).Root, project.Directory);
    }

    [Fact]
    public void Short_volume_options_become_bind_and_volume_settings()
    {
        var (root, _) = Load("services:\n  web:\n    image: x\n    volumes:\n      - /a:/t1:ro,z\n      - /b:/t2:rslave\n      - data:/t3:nocopy\n      - \"C:\\\\src:D:\\\\dst:rprivate\"\n      - \"\\\\\\\\.\\\\pipe\\\\in:\\\\\\\\.\\\\pipe\\\\out\"\nvolumes:\n  data: {}\n");
        Assert.Equal(("z", "true", "true"), (TreePath.Text(root, "services.web.volumes[0].bind.selinux"), TreePath.Text(root, "services.web.volumes[0].read_only"), TreePath.Text(root, "services.web.volumes[0].bind.create_host_path")));
        Assert.Equal("rslave", TreePath.Text(root, "services.web.volumes[1].bind.propagation"));
        Assert.Equal("true", TreePath.Text(root, "services.web.volumes[2].volume.nocopy"));
        Assert.Equal(("bind", "C:\\src", "rprivate"), (TreePath.Text(root, "services.web.volumes[3].type"), TreePath.Text(root, "services.web.volumes[3].source"), TreePath.Text(root, "services.web.volumes[3].bind.propagation")));
        Assert.Equal("bind", TreePath.Text(root, "services.web.volumes[4].type"));
    }

    [Fact]
    public void Host_paths_expand_home_and_resolve_relative_paths()
    {
        var (root, dir) = Load("services:\n  web:\n    image: x\n    volumes:\n      - ~/cfg:/cfg\n      - ../up:/up\n      - type: bind\n        source: .\n        target: /app\n    label_file: ./l.label\n    develop:\n      watch:\n        - path: ./src\n          action: sync\nsecrets:\n  s:\n    file: ./secret\n", files: ("l.label", "A=1\n"));
        Assert.Equal("/home/tester/cfg", TreePath.Text(root, "services.web.volumes[0].source"));
        Assert.Equal(Path.GetDirectoryName(dir) + "/up", TreePath.Text(root, "services.web.volumes[1].source"));
        Assert.Equal(dir, TreePath.Text(root, "services.web.volumes[2].source"));
        Assert.Equal([dir + "/l.label"], TreePath.Texts(root, "services.web.label_file"));
        Assert.Equal(dir + "/src", TreePath.Text(root, "services.web.develop.watch[0].path"));
        Assert.Equal(dir + "/secret", TreePath.Text(root, "secrets.s.file"));
    }

    [Fact]
    public void Container_targets_are_cleaned()
    {
        var (root, _) = Load("services:\n  web:\n    image: x\n    volumes:\n      - \"vol:/var//lib/../lib/x/\"\nvolumes:\n  vol: {}\n");
        Assert.Equal("/var/lib/x", TreePath.Text(root, "services.web.volumes[0].target"));
    }

    [Fact]
    public void A_colon_inside_an_escaped_variable_does_not_split_a_volume()
    {
        var (root, _) = Load("services:\n  web:\n    image: x\n    volumes:\n      - \"/tmp:/tmp/$${TIME:-12:30}/p\"\n");
        Assert.Equal("/tmp/${TIME:-12:30}/p", TreePath.Text(root, "services.web.volumes[0].target"));
    }

    [Theory]
    [InlineData("\"/foo:\"")]
    [InlineData("\"/foo::ro\"")]
    public void An_empty_section_between_colons_is_a_located_error(string spec)
    {
        using var project = new TempProject().With("compose.yaml", $"services:\n  web:\n    image: x\n    volumes:\n      - {spec}\n");
        DiagnosticAssert.Single(project.Errors(), 5, 9, "services.web.volumes[0]");
    }

    [Fact]
    public void A_remote_build_context_stays_as_written()
    {
        var (root, dir) = Load("services:\n  a:\n    build: github.com/docker/compose\n  b:\n    build: git@github.com:docker/compose.git\n  c:\n    build:\n      context: .\n      additional_contexts:\n        img: docker-image://foo\n        rel: ./dir\n");
        Assert.Equal("github.com/docker/compose", TreePath.Text(root, "services.a.build.context"));
        Assert.Equal("git@github.com:docker/compose.git", TreePath.Text(root, "services.b.build.context"));
        Assert.Equal(("docker-image://foo", dir + "/dir"), (TreePath.Text(root, "services.c.build.additional_contexts.img"), TreePath.Text(root, "services.c.build.additional_contexts.rel")));
    }

    [Fact]
    public void Key_value_lists_become_mappings_so_layers_merge_them()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      args: [A=1]\n      labels: [L=1]\n    deploy:\n      labels: [D=1]\n")
            .With("override.yaml", "services:\n  web:\n    build:\n      args:\n        B: \"2\"\n      labels:\n        M: \"2\"\n    deploy:\n      labels:\n        E: \"2\"\n");
        var root = project.Load("compose.yaml", "override.yaml").Root;
        Assert.Equal(["A", "B"], TreePath.Keys(root, "services.web.build.args"));
        Assert.Equal(["L", "M"], TreePath.Keys(root, "services.web.build.labels"));
        Assert.Equal(["D", "E"], TreePath.Keys(root, "services.web.deploy.labels"));
    }

    [Fact]
    public void An_override_or_extends_that_touches_build_keeps_the_base_context()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    build: ./app\n  ext:\n    extends:\n      file: sub/base.yaml\n      service: b\n")
            .With("sub/base.yaml", "services:\n  b:\n    build:\n      target: t\n")
            .With("override.yaml", "services:\n  web:\n    build:\n      target: dev\n");
        var root = project.Load("compose.yaml", "override.yaml").Root;
        Assert.Equal(project.PathOf("app"), TreePath.Text(root, "services.web.build.context"));
        // The default context is the project directory, filled in after extends.
        Assert.Equal(project.Directory, TreePath.Text(root, "services.ext.build.context"));
    }

    [Fact]
    public void Build_args_without_a_value_come_from_the_environment_or_stay_without_one()
    {
        var (root, _) = Load("services:\n  web:\n    build:\n      context: .\n      args:\n        FOO:\n        ZOT:\n", new Dictionary<string, string> { ["FOO"] = "BAR" });
        Assert.Equal("BAR", TreePath.Text(root, "services.web.build.args.FOO"));
        Assert.True(TreePath.At(root, "services.web.build.args.ZOT") is ScalarNode { IsNull: true });
    }

    [Fact]
    public void Label_files_fill_labels_under_the_services_own()
    {
        var (root, _) = Load("services:\n  web:\n    image: x\n    labels:\n      A: own\n    label_file: [a.label]\n", files: ("a.label", "A=file\nB=file\n"));
        Assert.Equal(("own", "file"), (TreePath.Text(root, "services.web.labels.A"), TreePath.Text(root, "services.web.labels.B")));
    }

    [Fact]
    public void Links_volumes_from_and_service_namespaces_add_dependencies_without_changing_explicit_ones()
    {
        var (root, _) = Load("services:\n  t:\n    image: x\n    ipc: service:a\n    volumes_from: [b, \"container:c\"]\n    links: [\"d:alias\"]\n    depends_on:\n      a:\n        condition: service_healthy\n  a: {image: x}\n  b: {image: x}\n  d: {image: x}\n");
        Assert.Equal(["a", "b", "d"], TreePath.Keys(root, "services.t.depends_on").Order());
        Assert.Equal("service_healthy", TreePath.Text(root, "services.t.depends_on.a.condition"));
        Assert.Equal(("false", "true"), (TreePath.Text(root, "services.t.depends_on.b.restart"), TreePath.Text(root, "services.t.depends_on.d.restart")));
    }

    [Fact]
    public void A_namespace_of_a_missing_service_is_an_error_at_the_dependency()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  t:\n    image: x\n    network_mode: service:nope\n");
        DiagnosticAssert.Single(project.Errors(), 4, 19, "nope");
    }

    [Fact]
    public void A_file_mode_with_a_leading_zero_is_octal()
    {
        var (root, _) = Load("services:\n  web:\n    image: x\n    secrets:\n      - source: s\n        mode: 0440\nsecrets:\n  s:\n    file: ./s\n");
        Assert.Equal("288", TreePath.Text(root, "services.web.secrets[0].mode"));
    }

    [Fact]
    public void Extra_hosts_become_sorted_host_equals_ip_one_per_address()
    {
        var (root, _) = Load("services:\n  a:\n    image: x\n    extra_hosts:\n      - \"zulu:ff02::1\"\n      - \"my=0.0.0.1,0.0.0.2\"\n  b:\n    image: x\n    extra_hosts:\n      h: [\"1.1.1.1\", \"2.2.2.2\"]\n");
        Assert.Equal(["my=0.0.0.1", "my=0.0.0.2", "zulu=ff02::1"], TreePath.Texts(root, "services.a.extra_hosts"));
        Assert.Equal(["h=1.1.1.1", "h=2.2.2.2"], TreePath.Texts(root, "services.b.extra_hosts"));
    }

    [Fact]
    public void Short_devices_gpus_models_tmpfs_and_filters_take_their_long_forms()
    {
        var (root, _) = Load("services:\n  web:\n    build:\n      context: .\n      no_cache_filter: foo\n    devices: [\"/dev/a:/dev/b:r\", \"/dev/c\"]\n    gpus: all\n    models: [m]\n    tmpfs: /run\nmodels:\n  m: {model: ai/x}\n");
        Assert.Equal(("/dev/b", "r", "/dev/c", "rwm"), (TreePath.Text(root, "services.web.devices[0].target"), TreePath.Text(root, "services.web.devices[0].permissions"), TreePath.Text(root, "services.web.devices[1].target"), TreePath.Text(root, "services.web.devices[1].permissions")));
        Assert.Equal("-1", TreePath.Text(root, "services.web.gpus[0].count"));
        Assert.Equal(["m"], TreePath.Keys(root, "services.web.models"));
        Assert.Equal(["/run"], TreePath.Texts(root, "services.web.tmpfs"));
        Assert.Equal(["foo"], TreePath.Texts(root, "services.web.build.no_cache_filter"));
    }

    [Fact]
    public void Byte_sizes_are_bytes_everywhere_and_a_plain_negative_number_stays()
    {
        var (root, _) = Load("services:\n  web:\n    build:\n      context: .\n      shm_size: 128m\n    memswap_limit: -1\n    blkio_config:\n      device_read_bps:\n        - path: /dev/sda\n          rate: 1024k\n    volumes:\n      - type: tmpfs\n        target: /t\n        tmpfs:\n          size: 1kb\n");
        Assert.Equal("134217728", TreePath.Text(root, "services.web.build.shm_size"));
        Assert.Equal("-1", TreePath.Text(root, "services.web.memswap_limit"));
        Assert.Equal("1048576", TreePath.Text(root, "services.web.blkio_config.device_read_bps[0].rate"));
        Assert.Equal("1024", TreePath.Text(root, "services.web.volumes[0].tmpfs.size"));
    }

    [Fact]
    public void Yaml_1_1_booleans_are_read_where_a_boolean_is_expected()
    {
        var (root, _) = Load("services:\n  web:\n    image: x\n    init: yes\n    tty: on\n    read_only: no\n");
        Assert.Equal(("true", "true", "false"), (TreePath.Text(root, "services.web.init"), TreePath.Text(root, "services.web.tty"), TreePath.Text(root, "services.web.read_only")));
    }

    [Fact]
    public void Hooks_split_their_commands_and_pre_start_inherits_the_image()
    {
        var (root, _) = Load("services:\n  web:\n    image: alpine\n    pre_start:\n      - command: echo a b\n        environment: [A=1]\n    post_start:\n      - command: echo c\n");
        Assert.Equal(["echo", "a", "b"], TreePath.Texts(root, "services.web.pre_start[0].command"));
        Assert.Equal(("1", "alpine"), (TreePath.Text(root, "services.web.pre_start[0].environment.A"), TreePath.Text(root, "services.web.pre_start[0].image")));
        Assert.Null(TreePath.At(root, "services.web.post_start[0].image"));
    }

    [Fact]
    public void A_build_reset_in_an_override_removes_the_build()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: x\n    build: .\n")
            .With("override.yaml", "services:\n  web:\n    build: !reset\n");
        Assert.Null(TreePath.At(project.Load("compose.yaml", "override.yaml").Root, "services.web.build"));
    }
}
