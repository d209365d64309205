using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>Written images that do not pair with the design they run are located warnings (C2E5009); versions that pair, and tags that are no version, are not.</summary>
public sealed class ImagePairingTests
{
    private static string Compose(string mode, string image) => $$"""
        name: shop
        x-mesh:
          consul:
            mode: {{mode}}
            retry_join: ["consul.internal"]
            servers: { hosts: consul.internal, tls: false }
            config_entries: files
            images:
              {{image}}
        services:
          web: { image: nginx, expose: ["8080"] }
        """.Replace("    retry_join: [\"consul.internal\"]\n", mode == "agent" ? "    retry_join: [\"consul.internal\"]\n" : "", StringComparison.Ordinal);

    [Theory]
    [InlineData("dataplane", "consul_server: hashicorp/consul:1.15.10")]
    [InlineData("dataplane", "consul_server: hashicorp/consul:1.20.2")]
    [InlineData("dataplane", "consul_ecs: hashicorp/consul-ecs:0.6.2")]
    [InlineData("dataplane", "consul_dataplane: hashicorp/consul-dataplane:1.9.3")]
    [InlineData("agent", "consul_ecs: public.ecr.aws/hashicorp/consul-ecs:0.10.0")]
    public void An_image_that_does_not_pair_is_a_warning_at_its_key(string mode, string image)
    {
        using var dir = new TempDir();
        var compose = Compose(mode, image);
        var output = PureSynth.Yaml(dir, compose, Consul.Options);
        var warning = Assert.Single(output.Warnings, w => w.Code == ConsulDiagnosticCodes.UnsupportedImage);
        var key = image[..image.IndexOf(':', StringComparison.Ordinal)];
        var line = compose.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"compose.yaml:{line}:", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dataplane", "consul_server: hashicorp/consul:1.21.4")]
    [InlineData("dataplane", "consul_server: hashicorp/consul:2.0.1")]
    [InlineData("dataplane", "consul_server: hashicorp/consul:latest")]
    [InlineData("dataplane", "consul_server: registry.example.com:5000/consul@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("dataplane", "consul_ecs: public.ecr.aws/hashicorp/consul-ecs:0.9.4")]
    [InlineData("dataplane", "consul_dataplane: hashicorp/consul-dataplane:2.0.1")]
    [InlineData("agent", "consul_ecs: hashicorp/consul-ecs:0.6.2")]
    public void An_image_that_pairs_or_names_no_version_is_no_warning(string mode, string image)
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose(mode, image), Consul.Options);
        Assert.DoesNotContain(output.Warnings, w => w.Code == ConsulDiagnosticCodes.UnsupportedImage);
    }
}
