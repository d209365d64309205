using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>
/// An unknown compose key is suggested by the same rule as an x-mesh key: the nearest by edit
/// distance, or else the one valid key that holds what was written.
/// </summary>
public class UnknownKeySuggestionTests
{
    [Theory]
    [InlineData("imag", "image")] // a typo: edit distance
    [InlineData("oom_score", "oom_score_adj")] // too far for edit distance; the one key that holds it
    public void An_unknown_service_key_names_the_key_meant(string written, string meant)
    {
        using var project = new TempProject().With("compose.yaml", $"services:\n  web:\n    image: x\n    {written}: 1\n");
        var error = Assert.Single(project.Errors());
        Assert.Equal((ComposeDiagnosticCodes.UnknownKey, 4, 5), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Contains($"\"{meant}\"", error.Message, StringComparison.Ordinal);
    }
}
