using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Tests.Yaml;

public class YamlReaderTests
{
    private static MappingNode Read(string yaml) => (MappingNode)YamlReader.ReadDocuments(yaml.ReplaceLineEndings("\n"), "t.yaml").Single();

    [Fact]
    public void Scalars_follow_yaml_1_2_so_port_pairs_stay_strings()
    {
        var root = Read("a: 80:80\nb: 22:22\nc: yes\nd: 0x1F\ne: 1.5\nf: ~\ng: '5'\n");
        Assert.Equal(ScalarType.String, ((ScalarNode)root["a"]!).Type);
        Assert.Equal("80:80", ((ScalarNode)root["a"]!).Value);
        Assert.Equal(ScalarType.String, ((ScalarNode)root["b"]!).Type);
        Assert.Equal(ScalarType.String, ((ScalarNode)root["c"]!).Type);
        Assert.Equal(ScalarType.Int, ((ScalarNode)root["d"]!).Type);
        Assert.Equal(ScalarType.Float, ((ScalarNode)root["e"]!).Type);
        Assert.True(((ScalarNode)root["f"]!).IsNull);
        Assert.Equal(ScalarType.String, ((ScalarNode)root["g"]!).Type);
    }

    [Fact]
    public void Nodes_remember_line_and_column()
    {
        var root = Read("services:\n  web:\n    image: nginx\n");
        var web = (MappingNode)((MappingNode)root["services"]!)["web"]!;
        var image = web.Find("image")!;
        Assert.Equal(new SourceLocation("t.yaml", 3, 5), image.Key.Location);
        Assert.Equal(new SourceLocation("t.yaml", 3, 12), image.Value.Location);
    }

    [Fact]
    public void Merge_key_brings_in_an_anchored_map_and_own_keys_win()
    {
        var root = Read("""
            x-base: &base
              image: a
              user: root
            svc:
              <<: *base
              user: app
            """);
        var svc = (MappingNode)root["svc"]!;
        Assert.Equal("a", ((ScalarNode)svc["image"]!).Value);
        Assert.Equal("app", ((ScalarNode)svc["user"]!).Value);
        Assert.False(svc.Contains("<<"));
    }

    [Fact]
    public void Merge_key_list_gives_the_first_map_precedence()
    {
        var root = Read("""
            x-a: &a { image: from-a, user: a }
            x-b: &b { image: from-b, tty: true }
            svc:
              <<: [*a, *b]
            """);
        var svc = (MappingNode)root["svc"]!;
        Assert.Equal("from-a", ((ScalarNode)svc["image"]!).Value);
        Assert.Equal("true", ((ScalarNode)svc["tty"]!).Value);
        Assert.Equal("a", ((ScalarNode)svc["user"]!).Value);
    }

    [Fact]
    public void Local_tags_are_kept_for_the_merge_stage()
    {
        var root = Read("ports: !reset []\ncommand: !override [a]\n");
        Assert.Equal("!reset", root["ports"]!.Tag);
        Assert.Equal("!override", root["command"]!.Tag);
    }

    [Fact]
    public void Duplicate_keys_are_an_error_at_the_second_key()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read("a: 1\nb: 2\na: 3\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("duplicate key \"a\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_carry_a_location_and_no_yamldotnet_prefix()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read("a: [1, 2\nb: 3\n"));
        var error = Assert.Single(e.Errors);
        Assert.True(error.Location.Line > 0);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_rejected_instead_of_expanded()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var e = Assert.Throws<InvalidInputException>(() => Read(string.Join("\n", lines)));
        Assert.Contains("alias bomb", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_alias_is_an_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read("a: *nope\n"));
        Assert.Contains("*nope", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_are_read_in_order()
    {
        var documents = YamlReader.ReadDocuments("a: 1\n---\nb: 2\n", "t.yaml");
        Assert.Equal(2, documents.Count);
    }

    [Fact]
    public void A_nul_character_in_a_value_is_an_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read("build: \"./ctx\\u0000\"\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal((1, 8), (error.Location.Line, error.Location.Column));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }
}
