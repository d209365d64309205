using Compose2Ecs.Testing;
namespace Compose2Ecs.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void An_unknown_command_suggests_the_nearest()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "confg");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'confg'; did you mean 'config'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_cut_short_suggests_the_one_command_that_contains_it_as_compose_and_x_mesh_keys_do()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "migr");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'migr'; did you mean 'migrate'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_suggests_the_nearest_and_says_nothing_of_its_value()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "config", "--formt", "json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--formt' for 'compose2ecs config'; did you mean '--format'?", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'json'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_lists_the_commands()
    {
        var result = CliRunner.Run(Path.GetTempPath());
        Assert.Equal(2, result.ExitCode);
        Assert.Matches("a command is required: .*config", result.Error);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }

    [Fact]
    public void Help_exits_0_and_shows_examples()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "config", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains("--project-directory", result.Out, StringComparison.Ordinal);
    }
}
