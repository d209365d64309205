using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>System.CommandLine's own messages reworded as ours: the option, what is wrong, what would be right.</summary>
public class ParserMessageTests
{
    [Fact]
    public void A_bad_choice_names_the_option_and_the_choices()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "validate", "--mesh", "foo");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --mesh: \"foo\" is not one of appmesh | consul | none | service-connect", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Argument 'foo' not recognized", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_near_choice_is_suggested()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "validate", "--mesh", "nnoe");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did you mean 'none'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_says_what_the_option_takes()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "config", "--format");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --format: needs a value, yaml|json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_without_a_file_never_says_option_is_required()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "migrate");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("migrate -f composex.yml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_command_shows_a_commands_help()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "help", "synth");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--stack-name", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_command_prints_the_version()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }
}
