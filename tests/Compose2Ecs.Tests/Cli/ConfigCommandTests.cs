using System.Text.Json;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

public class ConfigCommandTests
{
    private const string Compose = """
        name: shop
        services:
          web:
            image: nginx:${TAG:-1.27}
            ports: ["8080:80"]
            environment: [MODE=prod]
            healthcheck:
              test: curl -f http://localhost/
          db:
            image: postgres
            profiles: [db]
        """;

    [Fact]
    public void Prints_the_resolved_project_as_yaml_from_the_default_file()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, "config");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("image: nginx:1.27", result.Out, StringComparison.Ordinal);
        Assert.Contains("published: \"8080\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("target: 80", result.Out, StringComparison.Ordinal);
        Assert.Contains("- CMD-SHELL", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("db:", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Json_format_is_valid_json_with_typed_values()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, new Dictionary<string, string> { ["TAG"] = "1.25" }, "config", "--format", "json", "--profile", "db");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var services = json.RootElement.GetProperty("services");
        Assert.Equal("nginx:1.25", services.GetProperty("web").GetProperty("image").GetString());
        Assert.Equal(80, services.GetProperty("web").GetProperty("ports")[0].GetProperty("target").GetInt32());
        Assert.True(services.TryGetProperty("db", out _));
    }

    [Fact]
    public void The_yaml_output_loads_back_to_the_same_project()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var first = CliRunner.Run(dir.Path, "config");
        dir.With("resolved.yaml", first.Out);
        var second = CliRunner.Run(dir.Path, "config", "-f", "resolved.yaml");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Invalid_input_exits_1_with_located_errors_and_nothing_on_stdout()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:99999\"]\n");
        var result = CliRunner.Run(dir.Path, "config");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("compose.yaml:4:13: error: services.web.ports[0]: \"80:99999\": port 99999 is out of range 1-65535", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_usage_exits_2()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, "config", "--format", "toml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.NotEqual("", result.Error);
    }

    [Fact]
    public void No_compose_file_is_an_input_error_naming_the_searched_names()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run(dir.Path, "config");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Layered_files_env_files_and_project_directory()
    {
        using var dir = new TempDir()
            .With("app/compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n")
            .With("app/compose.prod.yaml", "services:\n  web:\n    user: nginx\n")
            .With("prod.env", "TAG=prod\n");
        var result = CliRunner.Run(dir.Path, "config", "-f", "app/compose.yaml", "-f", "app/compose.prod.yaml", "--env-file", "prod.env", "--project-directory", "app");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("image: nginx:prod", result.Out, StringComparison.Ordinal);
        Assert.Contains("user: nginx", result.Out, StringComparison.Ordinal);
        Assert.Contains("name: app", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_go_to_stderr_with_their_location()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx:${UNSET_TAG}\n");
        var result = CliRunner.Run(dir.Path, "config");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("compose.yaml:3:12: warning: variable UNSET_TAG is not set", result.Error, StringComparison.Ordinal);
    }
}
