using System.Text;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>A limit of CloudFormation that one service alone passes is reported at that service, not as a bare error.</summary>
public sealed class LocatedLimitTests
{
    [Fact]
    public void A_service_too_big_for_one_template_is_an_error_at_the_service_and_nothing_is_written()
    {
        // 2,500 variables of 500 characters: about 1.3 MB of task definition, past a template's 1 MB even alone.
        var compose = new StringBuilder("services:\n  small:\n    image: small\n  web:\n    image: web\n    expose: [\"8080\"]\n    environment:\n");
        for (var i = 0; i < 2500; i++)
        {
            compose.Append("      V").Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(": ").Append('x', 500).Append('\n');
        }

        using var dir = new TempDir().With("compose.yaml", compose.ToString());
        var result = CliRunner.Run(dir.Path, "synth", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"compose.yaml:4:3: error: services.web: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"[{EcsDiagnosticCodes.TooLarge}]", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }
}
