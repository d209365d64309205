using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary><c>include</c> as compose-go's loader/include.go reads it (issue #20, item 12).</summary>
public sealed class ComposeGoIncludeTests
{
    private const string Imported = "services:\n  imported:\n    image: nginx\n    container_name: ${SOURCE:-imported}\n";

    [Fact]
    public void An_includes_env_file_feeds_its_interpolation_only()
    {
        using var project = new TempProject()
            .With("sub/imported.yaml", Imported)
            .With("sub/extra.env", "SOURCE=extends\n")
            .With("compose.yaml", "include:\n  - path: sub/imported.yaml\n    env_file: sub/extra.env\nservices:\n  web:\n    image: x\n    container_name: ${SOURCE:-main}\n");

        var root = project.Load().Root;

        Assert.Equal(("extends", "main"), (TreePath.Text(root, "services.imported.container_name"), TreePath.Text(root, "services.web.container_name")));
    }

    [Fact]
    public void The_shell_wins_over_an_includes_env_file()
    {
        using var project = new TempProject()
            .With("sub/imported.yaml", Imported)
            .With("sub/extra.env", "SOURCE=extends\n")
            .With("compose.yaml", "include:\n  - path: sub/imported.yaml\n    env_file: sub/extra.env\n");

        var root = project.Load(new Dictionary<string, string> { ["SOURCE"] = "shell" }).Root;

        Assert.Equal("shell", TreePath.Text(root, "services.imported.container_name"));
    }

    [Fact]
    public void The_included_folders_own_dotenv_is_read()
    {
        using var project = new TempProject()
            .With("sub/.env", "TAG=from-sub\n")
            .With("sub/compose.yaml", "services:\n  b:\n    image: alpine:${TAG:-sub}\n    environment: [TAG]\n")
            .With("compose.yaml", "include:\n  - sub/compose.yaml\nservices:\n  a:\n    image: alpine:${TAG:-main}\n    environment: [TAG]\n");

        var root = project.Load().Root;

        Assert.Equal(("alpine:main", "alpine:from-sub"), (TreePath.Text(root, "services.a.image"), TreePath.Text(root, "services.b.image")));
        Assert.Equal("from-sub", TreePath.Text(root, "services.b.environment.TAG"));
        Assert.True(TreePath.At(root, "services.a.environment.TAG") is Compose2Ecs.Core.Yaml.ScalarNode { IsNull: true });
    }

    [Fact]
    public void Project_directory_is_where_the_included_files_paths_resolve()
    {
        using var project = new TempProject()
            .With("sub/extra.env", "A=1\n")
            .With("inc/dir/compose.yaml", "services:\n  svc:\n    build: {dockerfile_inline: 'FROM busybox'}\n    volumes: ['./data:/data']\n    env_file: [extra.env]\n")
            .With("inc/main.yaml", "include:\n  - project_directory: ../sub\n    path: ./dir/compose.yaml\n");

        var root = project.Load("inc/main.yaml").Root;

        Assert.Equal(project.PathOf("sub"), TreePath.Text(root, "services.svc.build.context"));
        Assert.Equal(project.PathOf("sub/data"), TreePath.Text(root, "services.svc.volumes[0].source"));
        Assert.Equal(project.PathOf("sub/extra.env"), TreePath.Text(root, "services.svc.env_file[0].path"));
    }

    [Fact]
    public void The_same_file_included_twice_is_not_a_conflict()
    {
        using var project = new TempProject()
            .With("sub/imported.yaml", Imported)
            .With("other.yaml", "include:\n  - sub/imported.yaml\nservices:\n  bar: {image: bar}\n")
            .With("compose.yaml", "include:\n  - sub/imported.yaml\n  - other.yaml\nservices:\n  foo: {image: busybox, depends_on: [imported]}\n");

        var loaded = project.Load();

        Assert.Equal(["bar", "foo", "imported"], loaded.Services.Select(s => s.Name).Order());
    }

    [Fact]
    public void A_missing_includes_env_file_is_a_located_error()
    {
        using var project = new TempProject()
            .With("sub/imported.yaml", Imported)
            .With("compose.yaml", "include:\n  - path: sub/imported.yaml\n    env_file: sub/missing.env\n");

        var error = Assert.Single(project.Errors());

        Assert.Equal("sub/missing.env", error.Location.File);
    }
}
