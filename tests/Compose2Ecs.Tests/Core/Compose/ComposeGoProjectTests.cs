using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>Project files, name, profiles and env files as docker compose reads them (issue #20), through the public loader.</summary>
public class ComposeGoProjectTests
{
    private static LoadOptions Discover(TempProject project, string workingDirectory = "", IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        WorkingDirectory = Path.Combine(project.Directory, workingDirectory),
        Environment = environment ?? new Dictionary<string, string>(),
    };

    [Fact]
    public void Without_f_the_override_file_is_layered_over_the_compose_file()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  a:\n    image: x\n")
            .With("compose.override.yaml", "services:\n  a:\n    image: y\n");
        var loaded = ComposeLoader.Load(Discover(project));
        Assert.Equal("y", loaded.Services.Single().Image);
        Assert.Equal(2, loaded.Files.Length);
    }

    [Fact]
    public void Without_f_the_compose_file_is_found_in_a_parent_directory()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  a:\n    image: x\n").With("sub/.keep", "");
        var loaded = ComposeLoader.Load(Discover(project, "sub"));
        Assert.Equal(project.Directory, loaded.WorkingDirectory);
    }

    [Fact]
    public void Compose_file_and_project_name_come_from_the_dotenv()
    {
        using var project = new TempProject()
            .With("other.yaml", "services:\n  a:\n    image: x\n    container_name: ${COMPOSE_PROJECT_NAME}-a\n")
            .With(".env", "COMPOSE_FILE=other.yaml\nCOMPOSE_PROJECT_NAME=from_dotenv\n");
        var loaded = ComposeLoader.Load(Discover(project));
        Assert.Equal("from_dotenv", loaded.Name);
        Assert.Equal("from_dotenv-a", TreePath.Text(loaded.Root, "services.a.container_name"));
    }

    [Fact]
    public void The_last_files_name_is_the_project_name_and_interpolates()
    {
        using var project = new TempProject()
            .With("a.yaml", "name: first\nservices:\n  a:\n    image: x\n    container_name: ${COMPOSE_PROJECT_NAME}-a\n")
            .With("b.yaml", "name: second\n");
        Assert.Equal("second-a", TreePath.Text(project.Load("a.yaml", "b.yaml").Root, "services.a.container_name"));
    }

    [Theory]
    [InlineData("MY_PROJECT")]
    [InlineData("www.my.project")]
    [InlineData("-dash")]
    public void An_invalid_compose_project_name_is_an_error(string name)
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  a:\n    image: x\n");
        var errors = project.Errors(new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = name });
        Assert.Equal(ComposeDiagnosticCodes.ProjectName, Assert.Single(errors).Code);
    }

    [Fact]
    public void A_name_that_is_not_a_string_is_a_located_error()
    {
        using var project = new TempProject().With("compose.yaml", "name: 123\nservices:\n  a:\n    image: x\n");
        var error = Assert.Single(project.Errors());
        Assert.Equal((ComposeDiagnosticCodes.ProjectName, 1, 7), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void The_profile_flag_replaces_compose_profiles()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  a:\n    image: x\n    profiles: [pa]\n  b:\n    image: x\n    profiles: [pb]\n");
        var options = project.Options(new Dictionary<string, string> { ["COMPOSE_PROFILES"] = "pb" }) with { Profiles = ["pa"] };
        Assert.Equal(["a"], ComposeLoader.Load(options).Services.Select(s => s.Name));
    }

    [Fact]
    public void Env_file_values_see_the_shell_then_the_services_environment_then_earlier_lines()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  a:\n    image: x\n    environment:\n      BAR: from_service\n    env_file: [e.env]\n")
            .With("e.env", "A=1\nB=${A}\nC=$SHELL_VAR\nBAR=from_file\nD=${BAR}\nE='${A}'\n");
        var root = project.Load(new Dictionary<string, string> { ["SHELL_VAR"] = "shell" }).Root;
        Assert.Equal(("1", "shell", "from_service", "${A}"), (TreePath.Text(root, "services.a.environment.B"), TreePath.Text(root, "services.a.environment.C"), TreePath.Text(root, "services.a.environment.D"), TreePath.Text(root, "services.a.environment.E")));
    }

    [Fact]
    public void Dotenv_reads_colon_assignments_export_with_a_tab_escapes_and_escaped_quotes()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  a:\n    image: x\n    env_file: [e.env]\n")
            .With("e.env", "K1: v1\nexport\tK2=v2\nK3=\"a\\tb\\0123\\$X\"\nK4='Let\\'s'\na[1]=c\n");
        var root = project.Load().Root;
        Assert.Equal(("v1", "v2", "a\tbS$X", "Let's"), (TreePath.Text(root, "services.a.environment.K1"), TreePath.Text(root, "services.a.environment.K2"), TreePath.Text(root, "services.a.environment.K3"), TreePath.Text(root, "services.a.environment.K4")));
        Assert.Contains("a[1]", TreePath.Keys(root, "services.a.environment"));
    }

    [Theory]
    [InlineData("lol$wut\n", 1)]
    [InlineData("A=1\nKEY='value\\'\n", 2)]
    public void A_bad_dotenv_line_is_an_error_at_its_line(string text, int line)
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  a:\n    image: x\n    env_file: [e.env]\n")
            .With("e.env", text);
        var error = Assert.Single(project.Errors());
        Assert.Equal((ComposeDiagnosticCodes.EnvFileLine, line), (error.Code, error.Location.Line));
    }
}
