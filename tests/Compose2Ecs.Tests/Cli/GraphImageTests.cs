using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// graph --format svg|png through the Mermaid CLI: a fake <c>mmdc</c> on the command's PATH
/// stands in for it (the real one needs a headless Chromium), writing what it was given.
/// The fake is a shell script, so these run where sh does.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class GraphImageTests
{
    private const string Compose = """
        services:
          web: { image: web, expose: ["80"], ports: ["8080:80"], depends_on: [api] }
          api: { image: api, expose: ["80"] }
        """;

    // Writes "<format> <args>" and then the Mermaid it was given to the -o file, as mmdc writes the image there.
    private const string FakeMmdc = """
        #!/bin/sh
        args="$*"
        while [ $# -gt 0 ]; do
          case "$1" in
            -i) in="$2"; shift ;;
            -o) out="$2"; shift ;;
            -e) format="$2"; shift ;;
          esac
          shift
        done
        { echo "$format $args"; cat "$in"; } > "$out"
        """;

    private const string FailingMmdc = """
        #!/bin/sh
        echo "Error: Failed to launch the browser process" >&2
        exit 1
        """;

    [Theory]
    [InlineData("svg")]
    [InlineData("png")]
    public void An_image_is_drawn_by_mmdc_from_the_mermaid_text(string format)
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, WithMmdc(dir, FakeMmdc), "graph", "--format", format, "-o", $"mesh.{format}");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Out);
        var image = File.ReadAllLines(Path.Combine(dir.Path, $"mesh.{format}"));
        Assert.StartsWith($"{format} -i ", image[0], StringComparison.Ordinal);
        Assert.Contains($"-o {Path.Combine(dir.Path, $"mesh.{format}")}", image[0], StringComparison.Ordinal);
        var mermaid = CliRunner.Run(dir.Path, "graph").Out;
        Assert.Equal(mermaid.TrimEnd('\n').Split('\n'), image[1..]);
    }

    [Fact]
    public void Without_mmdc_on_path_it_is_an_error_naming_how_to_install_it()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        Directory.CreateDirectory(dir.Sub("empty"));
        var result = CliRunner.Run(dir.Path, new Dictionary<string, string> { ["PATH"] = dir.Sub("empty") },
            "graph", "--format", "svg", "-o", "mesh.svg", "--diagnostics-format", "json");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("\"code\":\"C2E7004\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("@mermaid-js/mermaid-cli", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Sub("mesh.svg")));
    }

    [Fact]
    public void A_failing_mmdc_is_an_error_with_its_own_code()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, WithMmdc(dir, FailingMmdc), "graph", "--format", "png", "-o", "mesh.png", "--diagnostics-format", "json");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("\"code\":\"C2E7005\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_format_without_an_output_file_is_a_usage_error()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, WithMmdc(dir, FakeMmdc), "graph", "--format", "svg");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("-o FILE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_formats_go_to_the_output_file_when_one_is_given()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var result = CliRunner.Run(dir.Path, "graph", "--format", "dot", "-o", "mesh.dot");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(CliRunner.Run(dir.Path, "graph", "--format", "dot").Out, File.ReadAllText(dir.Sub("mesh.dot")));
    }

    /// <summary>An environment whose PATH finds <paramref name="script"/> as mmdc (and sh, cat).</summary>
    private static Dictionary<string, string> WithMmdc(TempDir dir, string script)
    {
        var mmdc = dir.File(Path.Combine("bin", "mmdc"), script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(mmdc, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new Dictionary<string, string> { ["PATH"] = $"{dir.Sub("bin")}{Path.PathSeparator}/usr/bin{Path.PathSeparator}/bin" };
    }
}
