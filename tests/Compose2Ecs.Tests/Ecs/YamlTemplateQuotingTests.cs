using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Output;
using YamlDotNet.RepresentationModel;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>
/// <c>--format yaml</c> quotes strings as <c>config</c> does (one writer): every string reads back
/// as written, and a character outside the Basic Multilingual Plane is written as itself, not as
/// a JSON surrogate pair (<c>\uD83D\uDE00</c>), which YAML does not allow.
/// </summary>
public sealed class YamlTemplateQuotingTests
{
    [Theory]
    [InlineData("team \U0001F680 rocket")]
    [InlineData("next\u0085line")]
    [InlineData("para\u2028graph")]
    [InlineData("bell\b and form\f feed")]
    [InlineData("say \"hi\" \\ bye")]
    [InlineData("tab\tnew\nline")]
    [InlineData("yes")]
    [InlineData("12:30")]
    public void A_string_reads_back_as_written(string value)
    {
        var json = new JsonObject { ["Description"] = value, [value] = "key" };
        var yaml = YamlTemplates.ToYaml(json);

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
        Assert.Equal(value, ((YamlScalarNode)root.Children[new YamlScalarNode("Description")]).Value);
        Assert.Equal("key", ((YamlScalarNode)root.Children[new YamlScalarNode(value)]).Value);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_written_as_itself()
    {
        var yaml = YamlTemplates.ToYaml(new JsonObject { ["Description"] = "\U0001F680 \"launch\"" });
        Assert.Contains("\U0001F680", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uD83D", yaml, StringComparison.OrdinalIgnoreCase);
    }
}
