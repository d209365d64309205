using System.Text.Json;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// Notes (what compose2ecs did for the user, C2E5005 here) in every format: <c>note:</c> in text,
/// <c>"severity":"note"</c> in JSON, <c>::notice</c> for GitHub; counted apart from warnings, never
/// made errors by --warnings-as-errors, suppressible by code, never changing the exit status.
/// </summary>
public class NoteOutputTests
{
    // Two callers of api whose API_URL Consul rewrites (C2E5005 at 6:20 and 11:20), and one warning (C2E3001 at 16:5).
    private const string Compose = """
        x-mesh: { consul: { dev_server: true } }
        services:
          web:
            image: example/web
            expose: ["80"]
            environment: { API_URL: "http://api:8080/v1" }
            depends_on: [api]
          admin:
            image: example/admin
            expose: ["81"]
            environment: { API_URL: "http://api:8080/v1" }
            depends_on: [api]
          api:
            image: example/api
            expose: ["8080"]
            restart: always
        """;

    private static CliRunner.Result Validate(string dir, params string[] args) =>
        CliRunner.Run(dir, ["validate", "--mesh", "consul", .. args]);

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    [Fact]
    public void Text_prints_note_folded_and_counts_notes_apart_from_warnings()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = Validate(dir.Path);
        Assert.Equal(0, result.ExitCode);
        var note = Assert.Single(Lines(result.Error), l => l.Contains("[C2E5005]", StringComparison.Ordinal));
        Assert.StartsWith("compose.yaml:6:20: note: services.{web,admin}.environment.API_URL:", note, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:16:5: warning: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 notes (1 kind); --verbose for each", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(result.Error), l => l.Contains("warning:", StringComparison.Ordinal) && l.Contains("[C2E5005]", StringComparison.Ordinal));
    }

    [Fact]
    public void Verbose_prints_each_note_at_its_line()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = Validate(dir.Path, "--verbose");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("compose.yaml:6:20: note: services.web.environment.API_URL:", result.Error, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:11:20: note: services.admin.environment.API_URL:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_severity_is_note()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = Validate(dir.Path, "--diagnostics-format", "json");
        Assert.Equal(0, result.ExitCode);
        var notes = Lines(result.Error).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(o => o.GetProperty("code").GetString() == "C2E5005").ToArray();
        Assert.Equal([6, 11], notes.Select(o => o.GetProperty("line").GetInt32()));
        Assert.All(notes, o => Assert.Equal(("note", 20), (o.GetProperty("severity").GetString(), o.GetProperty("column").GetInt32())));
    }

    [Fact]
    public void GitHub_format_writes_a_notice()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = Validate(dir.Path, "--diagnostics-format", "github");
        Assert.Equal(0, result.ExitCode);
        var notice = Assert.Single(Lines(result.Error), l => l.Contains("title=C2E5005", StringComparison.Ordinal));
        Assert.StartsWith("::notice file=compose.yaml,line=6,col=20,title=C2E5005::", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_promotes_the_warnings_but_not_the_notes()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var all = Validate(dir.Path, "--warnings-as-errors");
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("compose.yaml:16:5: error: ", all.Error, StringComparison.Ordinal);
        Assert.Contains("compose.yaml:6:20: note: ", all.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(all.Error), l => l.Contains("error:", StringComparison.Ordinal) && l.Contains("[C2E5005]", StringComparison.Ordinal));

        var listed = Validate(dir.Path, "--warnings-as-errors", "C2E5005");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("compose.yaml:6:20: note: ", listed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_are_suppressible_by_code_like_warnings()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var cli = Validate(dir.Path, "--ignore-warnings", "C2E5005");
        Assert.Equal(0, cli.ExitCode);
        Assert.DoesNotContain("C2E5005]", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("notes", cli.Error, StringComparison.Ordinal);

        using var ignoring = new TempDir().With("compose.yaml", Compose.Replace("x-mesh: { consul: { dev_server: true } }", "x-mesh: { consul: { dev_server: true }, ignore_warnings: [C2E5005] }", StringComparison.Ordinal));
        var project = Validate(ignoring.Path);
        Assert.Equal(0, project.ExitCode);
        Assert.DoesNotContain("C2E5005]", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_drops_notes()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = Validate(dir.Path, "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("note:", result.Error, StringComparison.Ordinal);
    }
}
