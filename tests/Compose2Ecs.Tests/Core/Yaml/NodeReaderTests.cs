using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Tests.Yaml;

/// <summary>
/// The one reader under its two rule sets: where compose (compose-go's rules) and x-mesh (ours)
/// read the same node differently, and the codes each reports.
/// </summary>
public class NodeReaderTests
{
    private static MappingNode Read(string yaml) => (MappingNode)YamlReader.ReadDocuments(yaml.ReplaceLineEndings("\n"), "t.yaml").Single();

    private static (NodeReader Reader, DiagnosticBag Diagnostics) Reader(NodeRules rules)
    {
        var diagnostics = new DiagnosticBag();
        return (new NodeReader(diagnostics, rules), diagnostics);
    }

    [Fact]
    public void A_null_where_a_mapping_belongs_is_an_error_in_compose_and_an_empty_section_in_x_mesh()
    {
        var node = Read("a:\n")["a"]!;

        var (compose, composeFindings) = Reader(NodeRules.Compose);
        Assert.Null(compose.Mapping(node, "a"));
        var error = Assert.Single(composeFindings.Items);
        Assert.Equal(ComposeDiagnosticCodes.WrongType, error.Code);
        Assert.Equal(new SourceLocation("t.yaml", 1, 3), error.Location);

        var (mesh, meshFindings) = Reader(NodeRules.Mesh);
        Assert.Empty(Assert.IsType<MappingNode>(mesh.Mapping(node, "a")).Entries);
        Assert.Empty(meshFindings.Items);
    }

    [Fact]
    public void An_empty_string_is_a_value_in_compose_and_an_error_in_x_mesh()
    {
        var node = Read("a: ''\n")["a"]!;

        var (compose, composeFindings) = Reader(NodeRules.Compose);
        Assert.Equal("", compose.Text(node, "a"));
        Assert.Empty(composeFindings.Items);

        var (mesh, meshFindings) = Reader(NodeRules.Mesh);
        Assert.Null(mesh.Text(node, "a"));
        var error = Assert.Single(meshFindings.Items);
        Assert.Equal(MeshDiagnosticCodes.WrongKind, error.Code);
        Assert.Equal(new SourceLocation("t.yaml", 1, 4), error.Location);
    }

    [Fact]
    public void An_unknown_key_lists_the_valid_keys_only_in_x_mesh_and_both_suggest_the_nearest()
    {
        var map = Read("egres: 1\nx-own: 2\n");
        string[] allowed = ["egress", "ingress"];

        var (compose, composeFindings) = Reader(NodeRules.Compose);
        compose.KnownKeys(map, "m", allowed);
        var composeError = Assert.Single(composeFindings.Items);
        Assert.Equal(ComposeDiagnosticCodes.UnknownKey, composeError.Code);
        Assert.Equal(new SourceLocation("t.yaml", 1, 1), composeError.Location);
        Assert.Contains("\"egress\"", composeError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ingress", composeError.Message, StringComparison.Ordinal);

        var (mesh, meshFindings) = Reader(NodeRules.Mesh);
        mesh.KnownKeys(map, "m", allowed);
        var meshError = Assert.Single(meshFindings.Items);
        Assert.Equal(MeshDiagnosticCodes.UnknownKey, meshError.Code);
        Assert.Contains("ingress", meshError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_with_one_bad_item_is_refused_whole_with_the_item_located()
    {
        var node = Read("a: [one, {two: 2}, three]\n")["a"]!;
        var (reader, findings) = Reader(NodeRules.Compose);

        Assert.Null(reader.StringList(node, "a"));
        var error = Assert.Single(findings.Items);
        Assert.Equal(ComposeDiagnosticCodes.WrongType, error.Code);
        Assert.Equal(new SourceLocation("t.yaml", 1, 10), error.Location);
        Assert.StartsWith("a[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: 0\n", false)]
    [InlineData("a: 65536\n", false)]
    [InlineData("a: 443\n", true)]
    public void A_number_out_of_its_range_has_each_rule_sets_range_code(string yaml, bool valid)
    {
        var node = Read(yaml)["a"]!;
        foreach (var (rules, code) in new[] { (NodeRules.Compose, ComposeDiagnosticCodes.InvalidValue), (NodeRules.Mesh, MeshDiagnosticCodes.OutOfRange) })
        {
            var (reader, findings) = Reader(rules);
            var port = reader.Port(node, "a");
            Assert.Equal(valid, port is not null);
            Assert.Equal(valid ? [] : [code], findings.Items.Select(d => d.Code));
        }
    }

    [Fact]
    public void A_mapping_written_as_a_string_is_named_by_its_kind_so_no_value_is_echoed()
    {
        var node = Read("environment: PASSWORD=hunter2\n")["environment"]!;
        var (reader, findings) = Reader(NodeRules.Compose);

        Assert.Null(reader.Mapping(node, "environment"));
        Assert.DoesNotContain("hunter2", Assert.Single(findings.Items).Message, StringComparison.Ordinal);
    }
}
