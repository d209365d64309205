using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>A secret reference names one secret: a wildcard would let the execution role read every secret it matches.</summary>
public sealed class SecretReferenceTests
{
    [Theory]
    [InlineData("arn:aws:secretsmanager:*:*:secret:*")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:*")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/*")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:*:secret:db")]
    [InlineData("arn:aws:ssm:*:*:parameter/*")]
    [InlineData("arn:aws:ssm:eu-west-1:123456789012:parameter/shop/*")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:")]
    public void A_wildcard_or_incomplete_secret_arn_is_a_located_error_and_nothing_is_written(string arn)
    {
        using var dir = new TempDir().With("compose.yaml", $"services:\n  db:\n    image: postgres:16\n    secrets: [pw]\nsecrets:\n  pw:\n    external: true\n    name: \"{arn}\"\n");
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"compose\.yaml:6:3: error: secrets\.pw\.name: .* \[C2E3101\]", result.Error);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Theory]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-??????")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf:password::")]
    [InlineData("arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db")]
    public void One_named_secret_is_accepted_and_granted_alone(string arn)
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, $"services:\n  db:\n    image: postgres:16\n    secrets: [pw]\nsecrets:\n  pw:\n    external: true\n    name: \"{arn}\"\n");
        var secret = Assert.Single(plan.Services.Single().AppContainer.Secrets);
        Assert.DoesNotContain("?", secret.ValueFrom.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Services.Single().ExecutionRole.Statements.SelectMany(s => s.Resources), r => r.ToString().Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void A_wildcard_consul_secret_arn_is_a_located_error_in_validate()
    {
        using var dir = new TempDir().With("compose.yaml",
            "x-mesh:\n  consul:\n    servers: { hosts: consul.internal }\n    acls: true\n    bootstrap_token_secret_arn: \"arn:aws:secretsmanager:*:*:secret:*\"\nservices:\n  web: { image: web, expose: [\"8080\"] }\n");
        var result = CliRunner.Run(dir.Path, "validate", "--mesh", "consul");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:5:33: error: x-mesh.consul.bootstrap_token_secret_arn:", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3101]", result.Error, StringComparison.Ordinal);
    }
}
