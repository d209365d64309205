using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>
/// The Compose JSON Schema's checks (issue #20, item 17): each failure a located warning (C2E1113;
/// what compose2ecs cannot read is an error of its own loader) at the YAML node the schema's
/// instance location names, in the file that holds it.
/// </summary>
public class ComposeSchemaTests
{
    [Theory]
    [InlineData("    restart: 3\n", 4, 14)] // a type
    [InlineData("    volumes:\n      - type: bindx\n        target: /x\n", 5, 15)] // an enum
    [InlineData("    healthcheck:\n      test: 3\n", 5, 13)] // every alternative of a oneOf fails on its type
    [InlineData("    build:\n      context: .\n      conttext: .\n", 6, 7)] // an unknown key inside a oneOf's mapping form
    [InlineData("    pull_policy: sometimes\n", 4, 18)] // a pattern
    [InlineData("    logging:\n      options: {a: [1]}\n", 5, 20)]
    public void A_service_breaking_the_schema_is_a_located_error(string serviceYaml, int line, int column)
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n" + serviceYaml);
        var error = Assert.Single(project.Findings(ComposeDiagnosticCodes.Schema));
        Assert.Equal((ComposeDiagnosticCodes.Schema, "compose.yaml", line, column), (error.Code, error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("servics: {}\n", 4, 1)]
    [InlineData("networks:\n  n:\n    ipam:\n      config:\n        - subnett: 10.0.0.0/24\n", 8, 11)]
    [InlineData("services:\n  bad name:\n    image: x\n", 4, 3)]
    public void An_unknown_key_or_name_is_located_at_the_key(string yaml, int line, int column)
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n" + yaml.Replace("services:\n", "", StringComparison.Ordinal));
        var error = Assert.Single(project.Findings(ComposeDiagnosticCodes.Schema));
        Assert.Equal((ComposeDiagnosticCodes.Schema, line, column), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Extension_keys_pass_everywhere_the_schema_allows_them()
    {
        using var project = new TempProject().With("compose.yaml", "x-top: 1\nservices:\n  web:\n    image: x\n    x-mine: {a: 1}\n    build:\n      context: .\n      x-b: [1]\n");
        Assert.Single(project.Load().Services);
    }

    [Fact]
    public void A_file_docker_compose_refuses_but_compose2ecs_reads_loads_with_the_warning()
    {
        // ECS ComposeX's own files write memory as a number of bytes; compose-go's schema wants a string.
        using var project = new TempProject().With("compose.yaml",
            "services:\n  web:\n    image: x\n    deploy:\n      resources:\n        limits:\n          memory: 67108864\n");
        var loaded = project.Load();
        var warning = Assert.Single(loaded.Warnings, d => d.Code == ComposeDiagnosticCodes.Schema);
        Assert.Equal((7, 19), (warning.Location.Line, warning.Location.Column));
        Assert.Equal(Compose2Ecs.Core.Diagnostics.Severity.Warning, warning.Severity);
    }

    [Fact]
    public void A_problem_the_loader_already_reports_is_not_reported_twice()
    {
        // The loader's own unknown-key check says it (C2E1014); the schema's would be at the same key.
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    imag: y\n");
        var error = Assert.Single(project.Errors());
        Assert.Equal((ComposeDiagnosticCodes.UnknownKey, 4, 5), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Empty(project.Findings(ComposeDiagnosticCodes.Schema));
    }

    [Fact]
    public void An_error_in_an_override_points_into_the_override()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: x\n")
            .With("override.yaml", "services:\n  web:\n    restart: 5\n");
        var error = Assert.Single(project.Findings(ComposeDiagnosticCodes.Schema, "compose.yaml", "override.yaml"));
        Assert.Equal((ComposeDiagnosticCodes.Schema, "override.yaml", 3, 14), (error.Code, error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void An_override_may_leave_out_what_its_base_already_has()
    {
        // compose-go validates the override merged over the base, whose depends_on has its condition.
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: x\n    depends_on: [db]\n  db:\n    image: y\n")
            .With("override.yaml", "services:\n  web:\n    depends_on:\n      db:\n        restart: true\n");
        Assert.Equal(2, project.Load("compose.yaml", "override.yaml").Services.Length);
    }

    [Fact]
    public void Interpolated_values_are_strings_except_where_compose_go_casts_them()
    {
        // ${N} in deploy.replicas is cast to a number; ${TAG} in image stays a string, even "42".
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: ${TAG}\n    init: ${INIT}\n    deploy:\n      replicas: ${N}\n");
        Assert.Single(project.Load(new Dictionary<string, string> { ["TAG"] = "42", ["INIT"] = "yes", ["N"] = "2" }).Services);
    }

    [Fact]
    public void A_file_read_only_for_extends_is_not_checked_whole()
    {
        // As compose-go: base.yaml's null service is never used, only "app" is taken from it.
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    extends:\n      file: base.yaml\n      service: app\n")
            .With("base.yaml", "services:\n  app:\n    image: x\n  empty:\n");
        Assert.Single(project.Load().Services);
    }

    [Fact]
    public void A_cgroup_naming_a_service_passes_but_another_word_does_not()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: x\n    cgroup: service:db\n  db:\n    image: y\n")
            .With("bad.yaml", "services:\n  web:\n    image: x\n    cgroup: shared\n");
        Assert.Equal(2, project.Load().Services.Length);
        var error = Assert.Single(project.Findings(ComposeDiagnosticCodes.Schema, "bad.yaml"));
        Assert.Equal((ComposeDiagnosticCodes.Schema, 4, 13), (error.Code, error.Location.Line, error.Location.Column));
    }
}
