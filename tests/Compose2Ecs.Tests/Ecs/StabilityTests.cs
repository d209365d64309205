using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Logical IDs and properties derive from compose names only; output is byte-identical run to run.</summary>
public sealed class StabilityTests
{
    private static string Service(string name, string dependsOn = "", string ports = "") => $"""
          {name}:
            image: example/{name}:1
            expose: ["8080"]
            environment: {"{"}NAME: {name}{"}"}
        {(dependsOn.Length > 0 ? $"    depends_on: [{dependsOn}]\n" : "")}{(ports.Length > 0 ? $"    ports: [\"{ports}\"]\n" : "")}
        """;

    private static string Project(params string[] services) => "name: stable\nservices:\n" + string.Concat(services);

    [Fact]
    public void Adding_removing_or_reordering_a_service_leaves_every_other_service_unchanged()
    {
        var a = Service("alpha", ports: "80:8080");
        var b = Service("beta", dependsOn: "alpha");
        var c = Service("gamma", dependsOn: "beta");
        var added = Service("delta", dependsOn: "beta");

        var baseline = Resources(Project(a, b, c));
        var reordered = Resources(Project(c, a, b));
        var withDelta = Resources(Project(a, added, b, c));
        var withoutGamma = Resources(Project(a, b));

        Assert.Equal(baseline.Keys.Order(), reordered.Keys.Order());
        foreach (var (id, resource) in baseline)
        {
            Assert.True(JsonNode.DeepEquals(resource, reordered[id]), $"{id} changed when services were reordered");
            Assert.True(JsonNode.DeepEquals(resource, withDelta[id]), $"{id} changed when delta was added");
            if (!id.StartsWith("gamma", StringComparison.Ordinal) && !id.StartsWith("beta" + "IngressFromgamma", StringComparison.Ordinal))
            {
                Assert.True(JsonNode.DeepEquals(resource, withoutGamma[id]), $"{id} changed when gamma was removed");
            }
        }

        // The new service only adds: its own resources, and the rule letting it reach what it depends on.
        var addedIds = withDelta.Keys.Except(baseline.Keys).ToList();
        Assert.All(addedIds, id => Assert.True(id.StartsWith("delta", StringComparison.Ordinal) || id == "betaIngressFromdeltaTcp8080", id));
        Assert.Contains("deltaTaskDefinition", addedIds);
    }

    [Fact]
    public void Two_runs_write_byte_identical_files()
    {
        using var dir = new TempDir();
        var compose = dir.File("compose.yaml", File.ReadAllText(Path.Combine(Paths.Example("shop"), "compose.yaml")));
        var project = Synth.Load(dir.Path, "compose.yaml");
        var first = Synth.Project(project, dir.Sub("one"), new Core.Ecs.SynthOptions { Yaml = true }).Directory;
        var second = Synth.Project(Synth.Load(dir.Path, "compose.yaml"), dir.Sub("two"), new Core.Ecs.SynthOptions { Yaml = true }).Directory;

        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(second).Select(Path.GetFileName).Order());
        Assert.Contains("tree.json", files);
        Assert.Contains("manifest.json", files);
        Assert.Contains("stable.template.json".Replace("stable", "shop", StringComparison.Ordinal), files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file!))), $"{file} differs between runs");
        }

        Assert.DoesNotContain(dir.Path, File.ReadAllText(Path.Combine(first, "manifest.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(dir.Path, File.ReadAllText(Path.Combine(first, "tree.json")), StringComparison.Ordinal);
        _ = compose;
    }

    [Fact]
    public void Two_runs_of_a_split_application_write_byte_identical_files()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", GeneratedProject.Yaml(30));
        string Run(string name)
        {
            var options = new Core.Ecs.SynthOptions { OutputDirectory = dir.Sub(name) };
            var (plan, context, backend) = Core.Ecs.EcsSynthesis.Plan(Synth.Load(dir.Path, "compose.yaml"), options, Synth.Backends);
            var templates = Core.Ecs.Templates.TemplateBuilder.Build(plan, new Core.Ecs.Templates.SplitLimits { MaxResources = 80 });
            Assert.NotEmpty(templates.Nested);
            return Core.Ecs.EcsSynthesis.Write(plan, templates, options).OutputDirectory;
        }

        var first = Run("one");
        var second = Run("two");
        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.Contains(files, f => f!.EndsWith(".nested.template.json", StringComparison.Ordinal));
        Assert.Equal(files, Directory.GetFiles(second).Select(Path.GetFileName).Order());
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file!))), $"{file} differs between runs");
        }
    }

    [Fact]
    public void Names_that_clean_up_to_the_same_letters_get_distinct_stable_ids()
    {
        Assert.Equal("api", LogicalIds.Part("api"));
        Assert.Equal("web2", LogicalIds.Part("web2"));
        Assert.NotEqual(LogicalIds.Part("my-api"), LogicalIds.Part("my_api"));
        Assert.NotEqual(LogicalIds.Part("myapi"), LogicalIds.Part("my-api"));
        Assert.NotEqual(LogicalIds.Part("Api"), LogicalIds.Part("api"));
        Assert.StartsWith("myapi", LogicalIds.Part("my-api"), StringComparison.Ordinal);
        Assert.Equal(LogicalIds.Part("my-api"), LogicalIds.Part("my-api"));
        Assert.Matches("^[a-z0-9]+$", LogicalIds.Part("Some.Service_Name-2"));
        Assert.Throws<ArgumentException>(() => LogicalIds.For("api", "taskDefinition"));

        using var dir = new TempDir();
        var template = PureSynth.Yaml(dir, "services:\n  my-api:\n    image: a\n  my_api:\n    image: b\n").Template;
        Assert.Contains(LogicalIds.For("my-api", "TaskDefinition"), template.Ids);
        Assert.Contains(LogicalIds.For("my_api", "TaskDefinition"), template.Ids);
        Assert.Equal(2, template.OfType("AWS::ECS::Service").Count());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("appmesh")]
    [InlineData("service-connect")]
    public void Reordering_the_keys_of_a_compose_file_leaves_the_templates_byte_identical(string backend)
    {
        const string written = """
            name: keys
            services:
              api:
                image: example/api:1
                ports: ["80:8080"]
                environment:
                  ZETA: "1"
                  ALPHA: "2"
                  MIDDLE: "3"
                depends_on: [db]
              db:
                image: postgres:16
                environment: { POSTGRES_DB: app, POSTGRES_USER: app }
            """;
        const string reordered = """
            name: keys
            services:
              db:
                environment: { POSTGRES_USER: app, POSTGRES_DB: app }
                image: postgres:16
              api:
                depends_on: [db]
                environment:
                  MIDDLE: "3"
                  ALPHA: "2"
                  ZETA: "1"
                ports: ["80:8080"]
                image: example/api:1
            """;
        var options = new Compose2Ecs.Core.Ecs.SynthOptions { Mesh = backend };
        using var first = new TempDir();
        using var second = new TempDir();

        var a = PureSynth.Yaml(first, written, options);
        var b = PureSynth.Yaml(second, reordered, options);

        Assert.Equal(a.Template.Text, b.Template.Text);
        Assert.Equal(a.Nested.Select(n => n.Text), b.Nested.Select(n => n.Text));
    }

    private static Dictionary<string, JsonNode> Resources(string compose)
    {
        using var dir = new TempDir();
        return PureSynth.Yaml(dir, compose).Template.Resources.ToDictionary(r => r.Key, r => r.Value!.DeepClone());
    }
}
