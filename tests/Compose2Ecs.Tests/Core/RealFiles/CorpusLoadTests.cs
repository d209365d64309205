using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Core.Tests.RealFiles;

/// <summary>Every real compose file of the corpus loads, or fails with the one error it should.</summary>
public class CorpusLoadTests
{
    /// <summary>
    /// Files that cannot load on their own, and the error each must give. Overrides and
    /// extension files lack their base; airflow and immich name an env_file (.env) that their
    /// projects do not ship, which Docker Compose also refuses; robot-shop's load file depends
    /// on a service of its companion file.
    /// </summary>
    private static readonly Dictionary<string, string> ExpectedFailures = new()
    {
        ["airflow__airflow-core__docs__howto__docker-compose__docker-compose.yaml"] = ".env not found",
        ["immich__docker__docker-compose.yaml"] = ".env not found",
        ["docker-elk__extensions__fleet__fleet-compose.yaml"] = "depends_on: no service \"elasticsearch\"",
        ["docker-elk__extensions__metricbeat__metricbeat-compose.yaml"] = "depends_on: no service \"elasticsearch\"",
        ["eShopOnContainers__src__docker-compose.override.yaml"] = "has neither \"image\" nor \"build\"",
        ["microservices-demo__deploy__docker-compose__docker-compose.logging.yaml"] = "has neither \"image\" nor \"build\"",
        ["netbox-docker__docker-compose.test.override.yaml"] = "has neither \"image\" nor \"build\"",
        ["opentelemetry-demo__compose.full.yaml"] = "has neither \"image\" nor \"build\"",
        ["opentelemetry-demo__compose.observability.yaml"] = "has neither \"image\" nor \"build\"",
        ["posthog__docker-compose.base.yaml"] = "has neither \"image\" nor \"build\"",
        ["mattermost-docker__docker-compose.nginx.yaml"] = "a port number is empty",
        ["robot-shop__docker-compose-load.yaml"] = "depends_on: no service \"web\"",
    };

    public static TheoryData<string> Files() => [.. Corpus.Entries.Select(e => e.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_corpus_file_loads_or_fails_with_its_expected_error(string file)
    {
        var entry = Corpus.Entry(file);
        var options = new LoadOptions
        {
            Files = [entry.TreePath],
            WorkingDirectory = Path.GetDirectoryName(entry.TreePath)!,
            Environment = new Dictionary<string, string>(),
        };

        if (ExpectedFailures.TryGetValue(file, out var expected))
        {
            var e = Assert.Throws<InvalidInputException>(() => ComposeLoader.Load(options));
            Assert.All(e.Errors, error => Assert.True(error.Location.Line > 0, $"error without a line: {error}"));
            Assert.Contains(e.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
            return;
        }

        var project = ComposeLoader.Load(options);

        // INDEX.tsv counts every service in the file, whatever its profiles.
        var withProfiles = ComposeLoader.Load(options with { Profiles = ["*"] });
        Assert.Equal(entry.ServiceCount, withProfiles.Services.Length);
        Assert.True(project.Services.Length <= withProfiles.Services.Length);
        foreach (var buildOnly in entry.BuildOnlyServices)
        {
            var service = withProfiles.FindService(buildOnly);
            Assert.NotNull(service);
            Assert.NotNull(service.Build);
        }
    }

    public static TheoryData<string, string[]> Layered() => new()
    {
        { "docker-elk", ["docker-compose.yml", "extensions/fleet/fleet-compose.yml", "extensions/metricbeat/metricbeat-compose.yml"] },
        { "eShopOnContainers", ["src/docker-compose.yml", "src/docker-compose.override.yml"] },
        { "microservices-demo", ["deploy/docker-compose/docker-compose.yml", "deploy/docker-compose/docker-compose.logging.yml", "deploy/docker-compose/docker-compose.monitoring.yml"] },
        { "netbox-docker", ["docker-compose.test.yml", "docker-compose.test.override.yml"] },
        { "opentelemetry-demo", ["compose.yaml", "compose.full.yaml"] },
        { "opentelemetry-demo", ["compose.yaml", "compose.observability.yaml"] },
        { "robot-shop", ["docker-compose.yaml", "docker-compose-load.yaml"] },
    };

    [Theory]
    [MemberData(nameof(Layered))]
    public void Override_and_extension_files_load_over_their_base(string project, string[] files)
    {
        var options = new LoadOptions
        {
            Files = [.. files.Select(f => Corpus.Tree(project, f))],
            WorkingDirectory = Corpus.Tree(project, ""),
            Environment = new Dictionary<string, string>(),
        };

        var loaded = ComposeLoader.Load(options);
        Assert.All(loaded.Services, s => Assert.True(s.Image is not null || s.Build is not null, s.Name));
    }

    [Fact]
    public void Mattermost_with_nginx_needs_its_env_example_values()
    {
        // The project ships env.example, not .env: without CALLS_PORT the port is empty, and
        // the error points at the port and says a variable may have expanded to nothing.
        var options = new LoadOptions
        {
            Files = [Corpus.Tree("mattermost-docker", "docker-compose.yml"), Corpus.Tree("mattermost-docker", "docker-compose.nginx.yml")],
            WorkingDirectory = Corpus.Tree("mattermost-docker", ""),
            Environment = new Dictionary<string, string>(),
        };
        var e = Assert.Throws<InvalidInputException>(() => ComposeLoader.Load(options));
        Assert.Contains(e.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("CALLS_PORT", StringComparison.Ordinal));

        var withValues = ComposeLoader.Load(options with
        {
            Environment = new Dictionary<string, string>
            {
                ["CALLS_PORT"] = "8443", ["HTTPS_PORT"] = "443", ["HTTP_PORT"] = "80", ["MATTERMOST_IMAGE"] = "mattermost-enterprise-edition",
                ["MATTERMOST_IMAGE_TAG"] = "10.5", ["POSTGRES_IMAGE_TAG"] = "13-alpine", ["NGINX_IMAGE_TAG"] = "alpine",
            },
        });
        var mattermost = withValues.FindService("mattermost")!;
        Assert.Contains(mattermost.Ports, p => p is { Target: 8443, Protocol: "udp" });
    }

    [Fact]
    public void Posthog_dev_extends_services_of_its_base_file()
    {
        var options = new LoadOptions
        {
            Files = [Corpus.Tree("posthog", "docker-compose.dev.yml")],
            WorkingDirectory = Corpus.Tree("posthog", ""),
            Environment = new Dictionary<string, string>(),
        };
        var loaded = ComposeLoader.Load(options);
        var db = loaded.FindService("db")!;
        Assert.StartsWith("postgres", db.Image, StringComparison.Ordinal);
        Assert.Contains(db.Ports, p => p.Target == 5432);
    }
}
