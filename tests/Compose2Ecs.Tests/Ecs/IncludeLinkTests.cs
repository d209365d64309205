using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>include cycles are found on real paths (through symbolic links), and a loop of links is a located error.</summary>
public sealed class IncludeLinkTests
{
    [Fact]
    public void An_include_of_a_link_to_the_including_file_is_a_located_cycle()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir().With("compose.yaml", "include:\n  - other.yaml\nservices:\n  web: { image: web }\n");
        File.CreateSymbolicLink(dir.Sub("other.yaml"), "compose.yaml");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:2:5: error: include", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E1106]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_of_symbolic_links_in_include_is_a_located_error()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir().With("compose.yaml", "include:\n  - a.yaml\nservices:\n  web: { image: web }\n");
        File.CreateSymbolicLink(dir.Sub("a.yaml"), "b.yaml");
        File.CreateSymbolicLink(dir.Sub("b.yaml"), "a.yaml");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:2:5: error: include", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E1106]", result.Error, StringComparison.Ordinal);
    }
}
