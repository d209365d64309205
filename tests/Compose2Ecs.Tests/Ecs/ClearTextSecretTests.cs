using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>
/// Likely secrets in a service's environment (written as is, or folded in from an env_file) are
/// warned about at their line, with a stable code, and their values never reach the output.
/// </summary>
public sealed class ClearTextSecretTests
{
    private const string Password = "hunter2-very-secret";
    private const string AccessKey = "AKIAQWERTYUIOPASDFGH";
    private const string GitHubToken = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    [Fact]
    public void A_secret_named_variable_is_a_located_warning_that_never_shows_the_value()
    {
        using var dir = new TempDir().With("compose.yaml", $"services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: {Password}\n");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"compose\.yaml:6:7: warning: services\.db\.environment\.POSTGRES_PASSWORD: .*external: true.* \[C2E1101\]", result.Error);
        Assert.DoesNotContain(Password, result.Error + result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("POSTGRES_USER", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_folded_in_from_an_env_file_are_found_by_their_shape()
    {
        using var dir = new TempDir()
            .With("compose.yaml", "services:\n  app:\n    image: app\n    env_file: [creds.env]\n")
            .With("creds.env", $"REGION=eu-west-1\nAWS_ACCESS_KEY_ID={AccessKey}\nCI_AUTH={GitHubToken}\n");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"compose\.yaml:4:16: warning: services\.app\.environment\.AWS_ACCESS_KEY_ID \(from env_file creds\.env\): .* \[C2E1102\]", result.Error);
        Assert.Matches(@"compose\.yaml:4:16: warning: services\.app\.environment\.CI_AUTH \(from env_file creds\.env\): .* \[C2E1102\]", result.Error);
        Assert.DoesNotContain(AccessKey, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("REGION", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_about_a_secret_that_hold_none_are_not_warned_about()
    {
        using var dir = new TempDir().With("compose.yaml", """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD_FILE: /run/secrets/db_password
                  TOKEN_TTL: "3600"
                  AUTH_TOKEN_ENABLED: "true"
                  SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db
                  PRIMARY_KEY_COLUMN: id
                  PGDATA: /var/lib/postgresql/data
                  xpack.security.http.ssl.key: certs/elasticsearch-key.pem
            """);
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("C2E110", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_env_file_line_is_reported_by_number_and_never_printed()
    {
        using var dir = new TempDir()
            .With("compose.yaml", "services:\n  app:\n    image: app\n    env_file: [.netrc]\n")
            .With(".netrc", $"# token\nmachine github.com login me password {GitHubToken}\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\.netrc:2:1: error: .*line 2.* \[C2E1103\]", result.Error);
        Assert.DoesNotContain(GitHubToken, result.Error + result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("machine", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public void A_bad_interpolation_in_an_env_file_value_is_reported_by_key_without_the_value()
    {
        using var dir = new TempDir()
            .With("compose.yaml", "services:\n  app:\n    image: app\n")
            .With(".env", "API_TOKEN=\"s3cr3t-${oops\"\n");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\.env:1:1: error: .*API_TOKEN.* \[C2E1104\]", result.Error);
        Assert.DoesNotContain("s3cr3t", result.Error, StringComparison.Ordinal);
    }
}
