using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>Quiet success, --quiet, --verbose, colour only on a terminal and never with NO_COLOR.</summary>
public class OutputTests
{
    private const string WithWarning = "services:\n  web:\n    image: nginx:${UNSET_TAG}\n    ports: [\"80:99999\"]\n";

    private static CliRunner.Result Run(string dir, bool terminal, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console2(output, error, dir) { Environment = environment, ErrorIsTerminal = terminal };
        var code = CliApp.Run(args, console);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Quiet_drops_warnings_but_keeps_errors()
    {
        using var dir = new TempDir().With("compose.yaml", WithWarning);
        var loud = CliRunner.Run(dir.Path, "config");
        Assert.Contains("warning: variable UNSET_TAG", loud.Error, StringComparison.Ordinal);

        var quiet = CliRunner.Run(dir.Path, "config", "--quiet");
        Assert.Equal(1, quiet.ExitCode);
        Assert.DoesNotContain("warning:", quiet.Error, StringComparison.Ordinal);
        Assert.Contains("error: services.web.ports[0]", quiet.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Global_options_may_come_before_the_command()
    {
        using var dir = new TempDir().With("compose.yaml", WithWarning);
        var quiet = CliRunner.Run(dir.Path, "-q", "config");
        Assert.Equal(1, quiet.ExitCode);
        Assert.DoesNotContain("warning:", quiet.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_no_color()
    {
        using var dir = new TempDir().With("compose.yaml", WithWarning);
        var none = new Dictionary<string, string>();
        Assert.DoesNotContain("\u001b[", Run(dir.Path, terminal: false, none, "config").Error, StringComparison.Ordinal);
        Assert.Contains("\u001b[31merror\u001b[0m", Run(dir.Path, terminal: true, none, "config").Error, StringComparison.Ordinal);
        var noColor = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        Assert.DoesNotContain("\u001b[", Run(dir.Path, terminal: true, noColor, "config").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_is_quiet_on_stderr()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.StartsWith("ok: 1 services", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Backends_lists_each_backend_with_a_line()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "backends");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("none ", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^\S+\s{2,}\S", l));
    }
}
