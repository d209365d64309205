using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>The assembly carries no CDK info notes, which the CDK CLI would print on every command run against it.</summary>
public class CdkMetadataTests
{
    [Fact]
    public void An_app_mesh_assembly_has_no_lazy_mapping_note()
    {
        using var dir = new TempDir().With("compose.yaml", "services:\n  web:\n    image: nginx\n    expose: [\"80\"]\n");
        var result = CliRunner.Run(dir.Path, "synth", "--mesh", "appmesh", "-o", "out", "-q", "-p", "app");
        Assert.True(result.ExitCode == 0, result.Error);
        var manifest = File.ReadAllText(Path.Combine(dir.Path, "out", "manifest.json"));
        Assert.DoesNotContain("aws:cdk:info", manifest, StringComparison.Ordinal);
        Assert.Contains("\"Mappings\"", File.ReadAllText(Path.Combine(dir.Path, "out", "app.template.json")), StringComparison.Ordinal);
    }
}
