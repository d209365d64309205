using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>The whole output folder (templates and config entry files) through the CLI and the CDK.</summary>
public sealed class OutputTests
{
    [Fact]
    public void Two_runs_write_byte_identical_folders_that_pass_cfn_check_and_an_invalid_input_writes_nothing()
    {
        using var dir = new TempDir();
        var compose = Path.Combine(Paths.Example("mesh-shop"), "compose.yaml");
        Assert.Equal(0, CliRunner.Run(dir.Path, "synth", "-f", compose, "--mesh", "consul", "-o", "a").ExitCode);
        Assert.Equal(0, CliRunner.Run(dir.Path, "synth", "-f", compose, "--mesh", "consul", "-o", "b").ExitCode);
        var files = Directory.GetFiles(dir.Sub("a")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("service-splitter-shop-api.json", files);
        var check = CfnCheck.Run(dir.Sub("a"));
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("CONSUL_ECS_CONFIG_JSON value(s) against the consul-ecs schema", check.Output, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(dir.Sub("b")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(dir.Sub("a"), file!)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Sub("b"), file!))), $"{file} differs");
        }

        dir.With("bad.yaml", "services:\n  consul-server: { image: nginx, expose: [\"80\"] }\nx-mesh:\n  consul: { servers: { hosts: h } }\n");
        var bad = CliRunner.Run(dir.Path, "synth", "-f", "bad.yaml", "--mesh", "consul", "-o", "c");
        Assert.Equal(1, bad.ExitCode);
        Assert.False(Directory.Exists(dir.Sub("c")));
    }
}
