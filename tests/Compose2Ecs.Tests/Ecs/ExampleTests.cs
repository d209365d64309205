using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Compose2Ecs.Testing;
using YamlDotNet.RepresentationModel;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>examples/shop through the command line: what a user runs and sees.</summary>
public sealed partial class ExampleTests
{
    private static string ShopCompose => Path.Combine(Paths.Example("shop"), "compose.yaml");

    [Fact]
    public void Shop_synthesizes_deployable_templates_that_pass_cfn_check()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run(dir.Path, "synth", "-f", ShopCompose, "--mesh", "none", "-o", "cdk.out");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{Path.Combine("cdk.out", "shop.template.json")}\n", result.Out.Replace("\r", "", StringComparison.Ordinal));
        CfnCheck.AssertPasses(dir.Sub("cdk.out"));

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Sub("cdk.out"), "manifest.json")))!;
        var stack = manifest["artifacts"]!["shop"]!;
        Assert.Equal("aws:cloudformation:stack", (string?)stack["type"]);
        Assert.Equal("shop.template.json", (string?)stack["properties"]!["templateFile"]);
        Assert.Null(stack["properties"]!["assumeRoleArn"]);

        var template = new TemplateFile(Path.Combine(dir.Sub("cdk.out"), "shop.template.json"));
        Assert.Null(template.Root["Parameters"]);
        Assert.Null(template.Root["Rules"]);
        Cdk.Assert(template, t =>
        {
            t.ResourceCountIs("AWS::ECS::Service", 5);
            t.ResourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
            t.HasResourceProperties("AWS::ECS::TaskDefinition", Cdk.Props(
                ("Family", "shop-web"),
                ("ContainerDefinitions", Match.ArrayWith([Match.ObjectLike(Cdk.Props(
                    ("Image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.0"),
                    ("ReadonlyRootFilesystem", true),
                    ("User", "101:101")))]))));
            t.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Cdk.Props(("Port", 8080), ("HealthCheckPath", "/healthz")));
            t.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Cdk.Props(("FromPort", 5432), ("Description", "worker to db on 5432/tcp")));
            t.HasResource("AWS::ECS::Service", Cdk.Props(("DependsOn", Match.ArrayWith(["apiService"]))));
        });
        Assert.Equal(2, (int?)template.Properties("apiService")["DesiredCount"]);
        Assert.Equal(("1024", "2048"), ((string?)template.Properties("apiTaskDefinition")["Cpu"], (string?)template.Properties("apiTaskDefinition")["Memory"]));
    }

    [Fact]
    public void Yaml_format_writes_equivalent_yaml_beside_the_json_with_strings_that_stay_strings()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run(dir.Path, "synth", "-f", ShopCompose, "--format", "yaml", "-o", "out");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Path.Combine("out", "shop.template.yaml"), result.Out, StringComparison.Ordinal);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Sub("out"), "shop.template.json")))!;
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(dir.Sub("out"), "shop.template.yaml"))));
        AssertSame(json, stream.Documents[0].RootNode, "$");
    }

    [Fact]
    public async Task A_user_sees_only_compose2ecs_diagnostics_on_stderr()
    {
        using var dir = new TempDir();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = dir.Path };
        // C2E7002: this machine's Node.js is past its end of life, which is not what is tested here.
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "compose2ecs.dll"), "synth", "-f", ShopCompose, "-o", "out", "--ignore-warnings", "C2E7002" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION");
        using var process = Process.Start(start)!;
        var errorRead = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var error = await errorRead;

        Assert.Equal(0, process.ExitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("synth: ", StringComparison.Ordinal) && !l.StartsWith("deploy: ", StringComparison.Ordinal)) // the closing summary
            .Where(l => !l.StartsWith('[')) // progress lines (no terminal here)
            .Where(l => !WarningCount().IsMatch(l)).ToArray(); // "4 warnings (2 kinds); --verbose for each"
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^.+compose\.yaml:\d+:\d+: warning: ", line));
        Assert.Contains("shop.template.json", output, StringComparison.Ordinal);
    }

    /// <summary>The YAML holds the same values, and a JSON string is never a plain YAML scalar another reader could take for a number or boolean.</summary>
    private static void AssertSame(JsonNode? json, YamlNode yaml, string path)
    {
        switch (json)
        {
            case JsonObject map:
                var mapping = Assert.IsType<YamlMappingNode>(yaml);
                Assert.Equal(map.Select(e => e.Key), mapping.Children.Select(c => ((YamlScalarNode)c.Key).Value));
                foreach (var (key, value) in map)
                {
                    AssertSame(value, mapping.Children[new YamlScalarNode(key)], $"{path}.{key}");
                }

                break;
            case JsonArray list:
                var sequence = Assert.IsType<YamlSequenceNode>(yaml);
                Assert.Equal(list.Count, sequence.Children.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    AssertSame(list[i], sequence.Children[i], $"{path}[{i}]");
                }

                break;
            default:
                var scalar = Assert.IsType<YamlScalarNode>(yaml);
                var element = json!.GetValue<JsonElement>();
                var expected = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                Assert.True(expected == scalar.Value, $"{path}: {expected} became {scalar.Value}");
                if (element.ValueKind == JsonValueKind.String && (bool.TryParse(expected, out _) || double.TryParse(expected, System.Globalization.CultureInfo.InvariantCulture, out _)))
                {
                    Assert.True(scalar.Style != YamlDotNet.Core.ScalarStyle.Plain, $"{path}: the string {expected} is written plain");
                }

                break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+ warnings? \(")]
    private static partial System.Text.RegularExpressions.Regex WarningCount();
}
