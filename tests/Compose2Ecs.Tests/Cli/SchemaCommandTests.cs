using System.Text.Json;
using Compose2Ecs.Core.Yaml;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

public class SchemaCommandTests
{

    private static JsonSchemaValidator Validator()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "schema", "x-mesh.schema.json")));
        return new JsonSchemaValidator(schema.RootElement.Clone());
    }

    private static JsonElement ComposeAsJson(string yaml, string file)
    {
        var node = YamlReader.ReadDocuments(yaml, file).Single();
        return JsonDocument.Parse(NodeWriter.ToJson(node)).RootElement.Clone();
    }

    [Fact]
    public void Prints_the_committed_schema()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "schema");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Paths.RepoRoot, "schema", "x-mesh.schema.json")), result.Out);
    }

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(Paths.RepoRoot, "examples"), "compose.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Paths.RepoRoot, f))
            .DefaultIfEmpty("examples/none")];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_is_valid_against_the_schema(string example)
    {
        var path = Path.Combine(Paths.RepoRoot, example);
        Assert.True(File.Exists(path), $"no example found at {example}");
        var errors = Validator().Validate(ComposeAsJson(File.ReadAllText(path), example));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("x-mesh: { egress: deny }", "$.x-mesh.egress")]
    [InlineData("x-mesh: { routez: {} }", "$.x-mesh.routez")]
    [InlineData("x-mesh:\n  routes:\n    api:\n      rules:\n        - targets: { a: 101 }", "$.x-mesh.routes.api.rules[0].targets.a")]
    [InlineData("services:\n  web:\n    x-mesh: { port: 0 }", "$.services.web.x-mesh")]
    [InlineData("services:\n  web:\n    x-mesh: { upstreams: [{ local_port: 9000 }] }", "$.services.web.x-mesh")]
    [InlineData("x-mesh:\n  service_connect:\n    namespace: { arn: ns-abcdef0123456789 }", "$.x-mesh.service_connect.namespace.arn")]
    [InlineData("x-mesh:\n  service_connect:\n    namespace: {}", "$.x-mesh.service_connect.namespace")]
    public void The_schema_rejects_what_the_spec_forbids(string yaml, string path)
    {
        var errors = Validator().Validate(ComposeAsJson(yaml, "t.yaml"));
        Assert.Contains(errors, e => e.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_accepts_an_existing_service_connect_namespace()
    {
        var yaml = "x-mesh:\n  namespace: shared.local\n  service_connect:\n    namespace: { arn: \"arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-abcdef0123456789\" }\n";
        Assert.Empty(Validator().Validate(ComposeAsJson(yaml, "t.yaml")));
    }

    [Fact]
    public void The_schema_accepts_interpolated_values_and_x_keys()
    {
        var yaml = "x-mesh:\n  x-note: anything\n  egress: ${EGRESS:-drop_all}\nservices:\n  web:\n    x-mesh: { port: \"${PORT}\", protocol: grpc }\n";
        Assert.Empty(Validator().Validate(ComposeAsJson(yaml, "t.yaml")));
    }
}
