using System.Text.Json;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// Diagnostics people can act on: repeats folded into one line naming the services, file order
/// across stages, --warnings-as-errors, suppression by code (command line and x-mesh), JSON and
/// GitHub Actions formats. Through <c>synth --dry-run</c>, which plans without the CDK.
/// </summary>
public class DiagnosticOutputTests
{
    // restart (C2E3001) on three services, lines 4, 7 and 10 (one message for always and unless-stopped), container_name at 11.
    private const string Compose = """
        services:
          web:
            image: nginx:${UNSET_TAG:-1}
            restart: always
          api:
            image: api
            restart: always
          db:
            image: postgres
            restart: unless-stopped
            container_name: the-db
        """;

    private static CliRunner.Result DryRun(string dir, params string[] args) =>
        CliRunner.Run(dir, ["synth", "--dry-run", .. args]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Repeats_are_one_line_with_the_services_at_the_first_location_and_a_summary()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = DryRun(dir.Path);
        Assert.Equal(0, result.ExitCode);
        var restart = Assert.Single(Lines(result.Error), l => l.Contains(".restart:", StringComparison.Ordinal));
        Assert.StartsWith("compose.yaml:4:5: warning: services.{web,api,db}.restart: ignored", restart, StringComparison.Ordinal);
        Assert.EndsWith("[C2E3001]", restart, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:11:5: warning: services.db.container_name:", result.Error, StringComparison.Ordinal);
        Assert.Contains("4 warnings (2 kinds); --verbose for each", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_prints_each_at_its_own_location()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = DryRun(dir.Path, "--verbose");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("compose.yaml:4:5: warning: services.web.restart:", result.Error, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:7:5: warning: services.api.restart:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--verbose for each", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_of_every_stage_are_in_file_order()
    {
        // The loader's warning (line 7) is found before planning's (line 3), and printed after it.
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    restart: always\n    image: nginx\n  api:\n    image: api\n    environment: { A: \"${UNSET_VAR}\" }\n");
        var result = DryRun(dir.Path, "--verbose");
        Assert.Equal(0, result.ExitCode);
        var located = Lines(result.Error).Where(l => l.StartsWith("compose.yaml:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, located.Length);
        Assert.StartsWith("compose.yaml:3:", located[0], StringComparison.Ordinal);
        Assert.StartsWith("compose.yaml:7:", located[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_fails_before_anything_is_written()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        // C2E7002 (this machine's Node.js past its end of life) is not what is tested here.
        var result = CliRunner.Run(dir.Path, "synth", "--warnings-as-errors", "--ignore-warnings", "C2E7002");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:4:5: error: services.{web,api,db}.restart:", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: 4 warnings treated as errors (--warnings-as-errors)", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cdk.out")));
    }

    [Fact]
    public void Warnings_as_errors_with_codes_fails_only_on_those()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n    logging: { driver: json-file }\n");
        Assert.Equal(0, DryRun(dir.Path, "--warnings-as-errors", "C2E3001").ExitCode);
        var failed = DryRun(dir.Path, "--warnings-as-errors", "C2E3001,C2E3002");
        Assert.Equal(1, failed.ExitCode);
        Assert.Matches(@"compose\.yaml:4:5: error: .*\[C2E3002\]", failed.Error);
    }

    [Fact]
    public void Validate_and_config_honour_warnings_as_errors_too()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx:${UNSET_TAG}\n");
        var config = CliRunner.Run(dir.Path, "--warnings-as-errors", "config");
        Assert.Equal(1, config.ExitCode);
        Assert.Equal("", config.Out);
        Assert.Contains("compose.yaml:3:12: error: ", config.Error, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run(dir.Path, "validate", "--warnings-as-errors").ExitCode);
    }

    [Fact]
    public void Ignored_codes_on_the_command_line_are_not_printed_nor_promoted()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = DryRun(dir.Path, "--ignore-warnings", "C2E3001", "--warnings-as-errors", "C2E3001");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("C2E3001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_codes_in_x_mesh_are_not_printed()
    {
        using var dir = new TempDir().With("compose.yaml", "x-mesh:\n  ignore_warnings: [C2E3001]\n" + Compose);
        var result = DryRun(dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("C2E3001", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(dir.Path, "validate").ExitCode);
    }

    [Fact]
    public void A_bad_code_in_x_mesh_is_an_error_at_its_line()
    {
        using var dir = new TempDir().With("compose.yaml", "x-mesh:\n  ignore_warnings: [C2E3001, restart]\nservices:\n  web: { image: nginx }\n");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:2:30: error: x-mesh.ignore_warnings[1]:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_code_on_the_command_line_is_a_usage_error()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "validate", "--ignore-warnings", "restart");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--ignore-warnings: \"restart\" is not a warning code", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_is_one_object_per_diagnostic()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = DryRun(dir.Path, "--diagnostics-format", "json");
        Assert.Equal(0, result.ExitCode);
        var objects = Lines(result.Error).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(4, objects.Length);
        var first = objects[0];
        Assert.Equal("C2E3001", first.GetProperty("code").GetString());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal("compose.yaml", first.GetProperty("file").GetString());
        Assert.Equal(4, first.GetProperty("line").GetInt32());
        Assert.Equal(5, first.GetProperty("column").GetInt32());
        Assert.StartsWith("services.web.restart:", first.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_json_too_with_a_null_code_while_they_have_none()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:99999\"]\n");
        var result = CliRunner.Run(dir.Path, "config", "--diagnostics-format", "json");
        Assert.Equal(1, result.ExitCode);
        var error = JsonDocument.Parse(Assert.Single(Lines(result.Error))).RootElement;
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Github_actions_get_workflow_commands()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "synth", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("::warning file=compose.yaml,line=4,col=5,title=C2E3001::services.{web,api,db}.restart: ignored", result.Error, StringComparison.Ordinal);
        var plain = CliRunner.Run(dir.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "synth", "--dry-run", "--diagnostics-format", "text");
        Assert.DoesNotContain("::warning", plain.Error, StringComparison.Ordinal);
    }
}
