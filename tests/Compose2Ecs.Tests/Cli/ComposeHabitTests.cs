using System.Text;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>docker compose habits: -p, config -q and its listings, -f - from stdin, options before the command.</summary>
public class ComposeHabitTests
{
    private const string Compose = """
        services:
          web:
            image: nginx
            volumes: [data:/data]
          worker:
            build: ./worker
          debug:
            image: busybox
            profiles: [debug, tools]
        volumes:
          data: {}
        """;

    private static CliRunner.Result WithInput(string dir, string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console2(output, error, dir)
        {
            Environment = new Dictionary<string, string>(),
            Input = () => new MemoryStream(Encoding.UTF8.GetBytes(input)),
        };
        return new CliRunner.Result(CliApp.Run(args, console), output.ToString(), error.ToString());
    }

    [Fact]
    public void Project_name_wins_over_the_file_and_the_environment()
    {
        using var dir = new TempDir().With("compose.yaml", "name: fromfile\n" + Compose);
        Assert.Contains("name: fromfile", CliRunner.Run(dir.Path, "config").Out, StringComparison.Ordinal);
        // As docker compose (compose-go's withNamePrecedenceLoad): COMPOSE_PROJECT_NAME wins over the file's name.
        var environment = new Dictionary<string, string> { ["COMPOSE_PROJECT_NAME"] = "fromenv" };
        Assert.Contains("name: fromenv", CliRunner.Run(dir.Path, environment, "config").Out, StringComparison.Ordinal);
        Assert.Contains("name: shop", CliRunner.Run(dir.Path, environment, "config", "-p", "shop").Out, StringComparison.Ordinal);
        Assert.Contains("name: shop", CliRunner.Run(dir.Path, environment, "config", "--project-name", "shop").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_project_name_is_an_input_error()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, "config", "-p", "Shop!");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: -p/--project-name: \"Shop!\" is not a valid project name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_quiet_validates_and_prints_nothing()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("bad.yaml", "services:\n  web:\n    ports: [\"80:99999\"]\n");
        var ok = CliRunner.Run(dir.Path, "config", "-q");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("", ok.Out);
        var bad = CliRunner.Run(dir.Path, "config", "--quiet", "-f", "bad.yaml");
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("", bad.Out);
        Assert.Contains("bad.yaml:3:", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_lists_services_profiles_images_and_volumes()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        Assert.Equal("web\nworker\n", CliRunner.Run(dir.Path, "config", "--services").Out.ReplaceLineEndings("\n"));
        Assert.Equal("debug\ntools\n", CliRunner.Run(dir.Path, "config", "--profiles").Out.ReplaceLineEndings("\n"));
        Assert.Equal("nginx\np-worker\n", CliRunner.Run(dir.Path, "config", "-p", "p", "--images").Out.ReplaceLineEndings("\n"));
        Assert.Equal("data\n", CliRunner.Run(dir.Path, "config", "--volumes").Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_dash_file_is_read_from_standard_input_and_named_stdin()
    {
        using var dir = new TempDir();
        var ok = WithInput(dir.Path, Compose, "config", "-f", "-", "--services");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("web\nworker\n", ok.Out.ReplaceLineEndings("\n"));
        var bad = WithInput(dir.Path, "services:\n  web:\n    ports: [\"80:99999\"]\n", "validate", "-f", "-");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("<stdin>:3:", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_bounded()
    {
        using var dir = new TempDir();
        var result = WithInput(dir.Path, "#" + new string('x', StandardInput.MaxBytes + 10), "config", "-f", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("larger than 8 MiB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_may_come_before_the_command()
    {
        using var dir = new TempDir().With("other.yaml", Compose);
        var result = CliRunner.Run(dir.Path, "-f", "other.yaml", "-p", "shop", "--quiet", "config");
        Assert.Equal(0, result.ExitCode);
        var listed = CliRunner.Run(dir.Path, "-f", "other.yaml", "--warnings-as-errors", "config", "--services");
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("web\nworker\n", listed.Out.ReplaceLineEndings("\n"));
    }
}
