using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Tests.Yaml;

/// <summary>
/// The one scalar writer (<see cref="YamlQuoting.Scalar"/>, used by <c>config</c> and by the
/// sections <c>migrate</c> writes): every string reads back as the same string, in a block
/// value and, with the flow rule, inside a flow list and a flow map.
/// </summary>
public class YamlScalarWriterTests
{
    public static TheoryData<string> Strings =>
    [
        "plain", "", " lead", "trail ", "a\nb", "tab\there", "\r\n", "bell\u0007", "line\u2028sep", "nel\u0085",
        "yes-but-1.2", "true", "null", "~", "80", "0x1F", "1.5", "80:80", "a: b", "a #b", "#c", "end:",
        "a, b", "[x]", "{k}", "-dash", "?q", "*ref", "&anchor", "!tag", "|block", ">fold", "'single'", "\"double\"",
        "%percent", "@at", "`tick`", "back\\slash", "ünïcödé 😀",
    ];

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_reads_back_as_itself_in_a_block_value(string value)
    {
        var written = YamlQuoting.Scalar(ScalarNode.String(value, SourceLocation.None));
        Assert.Equal(value, ReadBack($"k: {written}\n", root => root["k"]!));
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_reads_back_as_itself_in_a_flow_list_and_a_flow_map(string value)
    {
        var written = YamlQuoting.Scalar(ScalarNode.String(value, SourceLocation.None), inFlow: true);
        Assert.Equal(value, ReadBack($"k: [{written}, other]\n", root => ((SequenceNode)root["k"]!).Items[0]));
        Assert.Equal(value, ReadBack($"k: {{ a: {written}, b: other }}\n", root => ((MappingNode)root["k"]!)["a"]!));
    }

    private static string ReadBack(string yaml, Func<MappingNode, Node> pick)
    {
        var root = (MappingNode)YamlReader.ReadDocuments(yaml, "t.yaml").Single();
        var scalar = Assert.IsType<ScalarNode>(pick(root));
        Assert.Equal(ScalarType.String, scalar.Type);
        return scalar.Value;
    }
}
