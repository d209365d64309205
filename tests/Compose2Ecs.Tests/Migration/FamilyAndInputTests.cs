using Compose2Ecs.Migration.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Migration.Tests;

/// <summary>
/// ComposeX resolved depends_on by task family and merged environments through anchors; migrate
/// must turn both into compose that loads and runs as ComposeX ran it, and read its inputs as the
/// loader does (regular files only).
/// </summary>
public sealed class FamilyAndInputTests
{
    private const string Services = """
        services:
          app:
            image: example/app:1
            expose: ["5000"]
            deploy:
              labels:
                ecs.task.family: shop
          proxy:
            image: nginx:1.25
            ports: ["80:80"]
            depends_on: [app]
            deploy:
              labels:
                ecs.task.family: shop
          billing:
            image: example/billing:1
            expose: ["7000"]
            depends_on: ["shop", app]
          reporter:
            image: example/reporter:1
            depends_on:
              - shop

        """;

    private const string AppMesh = """
        x-appmesh:
          Properties: {}
          Settings:
            Nodes:
              - Name: billing
                Protocol: Http
                Port: 7000
                Backends: []
              - Name: shop
                Protocol: Http
                Port: 80
                Backends: [billing]
            Routers: []
            Services:
              - Name: billing
                Node: billing
                x-cloudmap: PrivateNamespace
              - Name: storefront
                Node: shop
                x-cloudmap: PrivateNamespace
        x-cloudmap:
          PrivateNamespace:
            ZoneName: fam.lan

        """;

    [Fact]
    public void A_depends_on_naming_a_task_family_becomes_the_member_that_serves_it_and_the_result_validates()
    {
        using var dir = new TempDir();
        var input = Services + AppMesh;
        dir.File("composex.yml", input);

        // --verbose: each warning at its own line (the two are otherwise folded into one naming both services).
        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yml", "-o", "compose.yaml", "--verbose");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        var output = File.ReadAllText(dir.Sub("compose.yaml"));
        Assert.Contains("depends_on: [\"proxy\", app]", output, StringComparison.Ordinal);
        Assert.Contains("depends_on:\n      - proxy\n", output, StringComparison.Ordinal);
        var (flowLine, flowColumn) = Located.Position(input, "\"shop\", app]");
        var (blockLine, blockColumn) = Located.Position(input, "shop\nx-appmesh");
        Assert.Contains($"composex.yml:{flowLine}:{flowColumn}: warning: ", migrate.Error, StringComparison.Ordinal);
        Assert.Contains($"composex.yml:{blockLine}:{blockColumn}: warning: ", migrate.Error, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(migrate.Error, $"[{MigrationDiagnosticCodes.DependsOnFamily}]"));

        var validate = CliRunner.Run(dir.Path, "validate", "-f", "compose.yaml", "--mesh", "service-connect");
        Assert.True(validate.ExitCode == 0, validate.Error);
    }

    [Fact]
    public void A_file_less_secret_of_the_input_is_kept_with_a_warning_and_the_file_is_written()
    {
        // ComposeX named secrets in x-secrets; compose-go refuses a secret with no file, environment or
        // external. That is the input's, not migrate's: the loader warns at the secret (C2E1111) and migrate
        // writes, showing the warning at the output's line.
        using var dir = new TempDir();
        dir.File("in.yml", "secrets:\n  token: {}\n" + Services + AppMesh);

        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "in.yml", "-o", "compose.yaml");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        var (line, column) = Located.Position(File.ReadAllText(dir.Sub("compose.yaml")), "{}\n");
        Assert.Contains($"compose.yaml:{line}:{column}: warning: ", migrate.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E1111]", migrate.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "compose.yaml")));
    }

    [Fact]
    public void A_family_dependency_in_a_base_file_that_is_not_rewritten_is_noted_where_it_is_and_nothing_is_written()
    {
        using var dir = new TempDir();
        dir.File("base.yml", Services);
        dir.File("mesh.yml", AppMesh);

        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "base.yml", "-f", "mesh.yml", "-o", "compose.yaml");

        Assert.Equal(1, migrate.ExitCode);
        var (line, column) = Located.Position(Services, "\"shop\", app]");
        Assert.Contains($"base.yml:{line}:{column}: warning: ", migrate.Error, StringComparison.Ordinal);
        Assert.Contains($"[{MigrationDiagnosticCodes.DependsOnFamily}]", migrate.Error, StringComparison.Ordinal);
        Assert.Contains($"[{MigrationDiagnosticCodes.DoesNotValidate}]", migrate.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("compose.yaml")));
    }

    [Fact]
    public void A_service_merging_another_through_an_anchor_inherits_the_variables_written_there_without_a_false_note()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(Paths.Example("appmesh-migration"), "composex.yaml"), dir.Sub("composex.yaml"));

        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yaml", "-o", "compose.yaml");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.DoesNotContain($"[{MigrationDiagnosticCodes.EnvironmentByHand}]", migrate.Error, StringComparison.Ordinal);
        // api-v2 merges api-v1 (<<: *api), whose environment now names both backends.
        var output = File.ReadAllText(dir.Sub("compose.yaml"));
        Assert.Contains("      CATALOG_BACKEND: catalog.bookstore.internal\n      DB_BACKEND: db.bookstore.internal\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_merging_another_is_noted_for_the_variables_the_other_does_not_get()
    {
        using var dir = new TempDir();
        var input = File.ReadAllText(Path.Combine(Paths.Example("appmesh-migration"), "composex.yaml"))
            .Replace("      - Name: api-v2\n        Protocol: Http\n        Backends: [catalog, db]", "      - Name: api-v2\n        Protocol: Http\n        Backends: [catalog, db, api]", StringComparison.Ordinal);
        dir.File("composex.yaml", input);

        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yaml");

        var (line, column) = Located.Position(input, "api-v2:\n    <<: *api");
        Assert.Contains($"composex.yaml:{line}:{column}: warning: services.api-v2: ComposeX set API_BACKEND=api.bookstore.internal", migrate.Error, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(migrate.Error, $"[{MigrationDiagnosticCodes.EnvironmentByHand}]"));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("directory")]
    public void An_input_that_is_not_a_regular_file_is_refused_without_blocking_and_nothing_is_written(string kind)
    {
        using var dir = new TempDir();
        var input = dir.Sub("composex.yml");
        if (kind == "fifo")
        {
            SpecialFiles.MakeFifo(input);
        }
        else
        {
            Directory.CreateDirectory(input);
        }

        var migrate = CliRunner.Run(dir.Path, "migrate", "-f", "composex.yml", "-o", "compose.yaml");

        Assert.Equal(1, migrate.ExitCode);
        Assert.StartsWith("composex.yml: error: ", migrate.Error, StringComparison.Ordinal);
        Assert.Contains($"[{MigrationDiagnosticCodes.InputFile}]", migrate.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("compose.yaml")));
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
