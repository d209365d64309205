using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary><c>validate</c> runs every check <c>synth</c> runs and prints the same errors, warnings and notes (README, "validate").</summary>
public sealed class ValidateParityTests
{
    public static TheoryData<string, string> Refused => new()
    {
        // A build-only service with no registry: the image check of ECS planning.
        { "services:\n  api:\n    build: .\n    expose: [\"8080\"]\n", "none" },
        // A service others depend on that has no port (C2E2010).
        { "services:\n  api:\n    image: example/api\n    depends_on: [store]\n  store:\n    image: example/store\n", "none" },
        // A backend check: a port Consul reserves.
        { "x-mesh: { consul: { dev_server: true } }\nservices:\n  api:\n    image: example/api\n    expose: [\"8500\"]\n", "consul" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_synth_refuses_validate_refuses_with_the_same_errors(string compose, string backend)
    {
        using var dir = new TempDir().With("compose.yaml", compose);

        var synth = CliRunner.Run(dir.Path, "synth", "--mesh", backend, "-o", "out", "-q");
        var validate = CliRunner.Run(dir.Path, "validate", "--mesh", backend);

        Assert.Equal(1, synth.ExitCode);
        Assert.Equal(1, validate.ExitCode);
        var errors = Lines(synth.Error, "error:");
        Assert.NotEmpty(errors);
        Assert.Equal(errors, Lines(validate.Error, "error:"));
    }

    public static TheoryData<string, string, string, string> Warned => new()
    {
        // A mesh check: a well-known non-HTTP port declared http (C2E2011).
        { "services:\n  api:\n    image: example/api\n    ports: [\"80:8080\"]\n    depends_on: [db]\n  db:\n    image: postgres\n    x-mesh: { protocol: http }\n    environment: { POSTGRES_PASSWORD_FILE: /run/secrets/pw }\n", "service-connect", "C2E2011", "warning:" },
        // A backend's planning: Consul rewrites an upstream's address to its local listener (C2E5005, a note).
        { "x-mesh: { consul: { dev_server: true } }\nservices:\n  web:\n    image: example/web\n    expose: [\"80\"]\n    environment: { API_URL: \"http://api:8080/v1\" }\n    depends_on: [api]\n  api:\n    image: example/api\n    expose: [\"8080\"]\n", "consul", "C2E5005", "note:" },
    };

    [Theory]
    [MemberData(nameof(Warned))]
    public void Validate_prints_the_warnings_and_notes_synth_prints(string compose, string backend, string code, string kind)
    {
        using var dir = new TempDir().With("compose.yaml", compose);

        var synth = CliRunner.Run(dir.Path, "synth", "--mesh", backend, "--dry-run");
        var validate = CliRunner.Run(dir.Path, "validate", "--mesh", backend);

        Assert.True(validate.ExitCode == 0, validate.Error);
        var lines = Lines(synth.Error, kind);
        Assert.Contains(lines, w => w.Contains($"[{code}]", StringComparison.Ordinal));
        Assert.Equal(lines, Lines(validate.Error, kind));
        Assert.Equal(Lines(synth.Error, "warning:"), Lines(validate.Error, "warning:"));
    }

    private static string[] Lines(string text, string kind) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(kind, StringComparison.Ordinal))];
}
