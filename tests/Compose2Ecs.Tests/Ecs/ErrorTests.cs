using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Invalid input: exit 1, errors with file:line:col, and nothing written.</summary>
public sealed class ErrorTests
{
    [Fact]
    public void A_build_only_service_without_a_registry_is_an_error_naming_it_and_nothing_is_written()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", "services:\n  web:\n    build: ./web\n  db:\n    image: postgres:16\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:3:5: error: services.web: has only a build section and no image; pass --registry", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.False(Directory.Exists(dir.Sub("out")));
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void A_failed_run_leaves_an_existing_output_untouched()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", "services:\n  web:\n    image: nginx\n");
        Assert.Equal(0, CliRunner.Run(dir.Path, "synth", "-o", "out").ExitCode);
        var before = Directory.GetFiles(dir.Sub("out")).ToDictionary(f => f, File.ReadAllBytes);

        dir.File("compose.yaml", "services:\n  web:\n    build: .\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(dir.Sub("out")).Order());
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        Assert.Single(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Registry_and_tag_name_the_image_of_a_build_only_service_and_the_cli_wins_over_x_mesh()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", "x-mesh:\n  registry: registry.example.com/team\n  tag: v1\nservices:\n  Web:\n    build: .\n");
        Assert.Equal(0, CliRunner.Run(dir.Path, "synth", "-o", "a").ExitCode);
        Assert.Equal("registry.example.com/team/web:v1", (string?)new TemplateFile(Directory.GetFiles(dir.Sub("a"), "*.template.json")[0]).Container("Web")["Image"]);

        Assert.Equal(0, CliRunner.Run(dir.Path, "synth", "-o", "b", "--registry", "123456789012.dkr.ecr.us-east-1.amazonaws.com/x", "--tag", "v2").ExitCode);
        var template = new TemplateFile(Directory.GetFiles(dir.Sub("b"), "*.template.json")[0]);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/x/web:v2", (string?)template.Container("Web")["Image"]);
        Assert.Contains("repository/x/web", template.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_secret_is_an_error_at_its_use_because_its_value_would_land_in_the_template()
    {
        using var dir = new TempDir();
        var errors = Synth.Errors(dir, """
            services:
              db:
                image: postgres:16
                secrets:
                  - db_password
            secrets:
              db_password:
                file: ./password.txt
            """);
        var error = Assert.Single(errors);
        Assert.Equal("compose.yaml:5:9", error.Location.ToString());
        Assert.Contains("comes from file:", error.Message, StringComparison.Ordinal);
        Assert.Contains("external: true", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("cdk.out")));
    }

    [Fact]
    public void An_environment_secret_is_an_error_too()
    {
        using var dir = new TempDir();
        var errors = Synth.Errors(dir, "services:\n  a:\n    image: busybox\n    secrets: [token]\nsecrets:\n  token:\n    environment: TOKEN\n");
        Assert.Contains("comes from environment: TOKEN", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", "services:\n  a:\n    image: busybox\n");
        Assert.Equal(2, CliRunner.Run(dir.Path, "synth", "--mesh", "nope").ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, "synth", "--format", "xml").ExitCode);
        var badName = CliRunner.Run(dir.Path, "synth", "--stack-name", "1bad_name");
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("not a valid stack name", badName.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("cdk.out")));
    }

    [Fact]
    public void An_unknown_backend_named_in_x_mesh_is_an_input_error_at_its_location()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", "x-mesh:\n  backend: linkerd\nservices:\n  a:\n    image: busybox\n");
        var result = CliRunner.Run(dir.Path, "synth");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:2:12: error: x-mesh.backend: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"linkerd\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("appmesh", result.Error, StringComparison.Ordinal);
    }
}
