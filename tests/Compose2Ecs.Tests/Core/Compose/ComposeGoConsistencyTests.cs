using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>The consistency checks of `docker compose config` (issue #20): located errors with code C2E1110.</summary>
public class ComposeGoConsistencyTests
{
    [Theory]
    [InlineData("    volumes:\n      - undefined:/data\n", 5, 9)]
    [InlineData("    network_mode: host\n    networks: [front]\n", 4, 5)]
    [InlineData("    tmpfs: [/t]\n    volumes:\n      - .:/t\n", 6, 9)]
    [InlineData("    scale: -1\n", 4, 12)]
    [InlineData("    scale: 2\n    deploy:\n      replicas: 3\n", 4, 12)]
    [InlineData("    container_name: one\n    deploy:\n      replicas: 2\n", 4, 21)]
    [InlineData("    cpus: 1\n    deploy:\n      resources:\n        limits:\n          cpus: '2'\n", 4, 11)]
    [InlineData("    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 2g\n", 4, 16)]
    [InlineData("    platform: linux/arm64\n    build:\n      context: .\n      platforms: [linux/amd64]\n", 4, 15)]
    public void An_inconsistent_service_is_a_located_error(string serviceYaml, int line, int column)
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n" + serviceYaml + "networks:\n  front: {}\n");
        var error = Assert.Single(project.Errors());
        Assert.Equal((ComposeDiagnosticCodes.Consistency, line, column), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_secret_with_no_source_is_a_located_warning_that_synth_acts_on()
    {
        // docker compose refuses it; the loader reads the file so validate and migrate can, and synth
        // refuses the secret where a service uses it.
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\nsecrets:\n  token: {}\n");
        var warning = Assert.Single(project.Load("compose.yaml").Warnings, w => w.Code == ComposeDiagnosticCodes.SourcelessDefinition);
        Assert.Equal((5, 10), (warning.Location.Line, warning.Location.Column));
    }

    [Fact]
    public void A_project_whose_files_are_all_empty_is_an_error_but_an_empty_override_is_not()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n").With("empty.yaml", "");
        Assert.Single(project.Load("compose.yaml", "empty.yaml").Services);
        var error = Assert.Single(project.Errors("empty.yaml"));
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void A_non_string_key_in_environment_is_a_located_error()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    environment:\n      1: one\n");
        DiagnosticAssert.Single(project.Errors(), 5, 7, "services.web.environment");
    }

    [Fact]
    public void A_provider_service_needs_no_image()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  model:\n    provider:\n      type: model\n      options:\n        model: ai/x\n");
        Assert.Equal(["ai/x"], TreePath.Texts(project.Load().Root, "services.model.provider.options.model"));
    }
}
