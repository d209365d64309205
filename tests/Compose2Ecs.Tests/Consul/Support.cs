using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>Consul synthesis without the CDK (plan → templates as JSON), and readers for what the tests look at.</summary>
internal static class Consul
{
    public static SynthOptions Options { get; } = new() { Mesh = "consul" };

    /// <summary>Servers for a compose file that has no x-mesh.consul of its own.</summary>
    public const string Servers = """
        x-mesh:
          consul:
            servers:
              hosts: consul.example.internal
              security_group: sg-0123456789abcdef0
        """;

    private static readonly Lazy<JsonSchemaValidator> Schema010 = new(() => LoadSchema("v0.10.0"));

    private static readonly Lazy<JsonSchemaValidator> Schema062 = new(() => LoadSchema("v0.6.2"));

    private static JsonSchemaValidator LoadSchema(string version) =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.Shared, "reference", $"consul-ecs-config.{version}.schema.json"))).RootElement.Clone());

    /// <summary>The schema of an image's release line, as cfn-check picks it: 0.6.x and older → v0.6.2, else v0.10.0.</summary>
    public static JsonSchemaValidator SchemaFor(string image)
    {
        var tag = image[(image.LastIndexOf(':') + 1)..].Split('.');
        return tag.Length >= 2 && tag[0] == "0" && int.TryParse(tag[1], out var minor) && minor <= 6 ? Schema062.Value : Schema010.Value;
    }

    /// <summary>The plan and the root template (and nested ones) of <paramref name="compose"/>, built as the CLI builds them, without the CDK.</summary>
    public static Built Build(TempDir dir, string compose, SynthOptions? options = null)
    {
        var plan = Synth.Plan(dir, compose, options ?? Options);
        var set = TemplateBuilder.Build(plan);
        return new Built(plan, set, [.. set.All.Select(TemplateJson.ToObject)]);
    }

    /// <summary>Every CONSUL_ECS_CONFIG_JSON in the templates, checked against the consul-ecs schema of its container's image.</summary>
    public static IReadOnlyList<JsonObject> ValidConfigs(Built built)
    {
        var configs = new List<JsonObject>();
        foreach (var template in built.Templates)
        {
            foreach (var (_, resource) in template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::ECS::TaskDefinition"))
            {
                foreach (var container in resource!["Properties"]!["ContainerDefinitions"]!.AsArray())
                {
                    foreach (var env in container!["Environment"]?.AsArray() ?? [])
                    {
                        if ((string?)env!["Name"] != "CONSUL_ECS_CONFIG_JSON")
                        {
                            continue;
                        }

                        var text = (string)env["Value"]!;
                        var errors = SchemaFor((string)container["Image"]!).Validate(JsonDocument.Parse(text).RootElement);
                        Assert.True(errors.Count == 0, $"{container["Name"]}: {string.Join("; ", errors)}\n{text}");
                        configs.Add(JsonNode.Parse(text)!.AsObject());
                    }
                }
            }
        }

        return configs;
    }

    public sealed record Built(EcsPlan Plan, TemplateSet Set, IReadOnlyList<JsonObject> Templates)
    {
        public JsonObject Root => Templates[0];

        public IEnumerable<KeyValuePair<string, JsonObject>> All =>
            Templates.SelectMany(t => t["Resources"]!.AsObject().Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject())));

        public JsonObject Resource(string id) => All.FirstOrDefault(r => r.Key == id).Value
            ?? throw new Xunit.Sdk.XunitException($"no resource {id}; have {string.Join(", ", All.Select(r => r.Key))}");

        public JsonObject Properties(string id) => Resource(id)["Properties"]!.AsObject();

        public IEnumerable<KeyValuePair<string, JsonObject>> OfType(string type) => All.Where(r => (string?)r.Value["Type"] == type);

        public JsonArray Containers(string service) => Properties(LogicalIds.For(service, "TaskDefinition"))["ContainerDefinitions"]!.AsArray();

        public JsonObject Container(string service, string name) =>
            Containers(service).Select(c => c!.AsObject()).FirstOrDefault(c => (string?)c["Name"] == name)
            ?? throw new Xunit.Sdk.XunitException($"{service} has no container {name}; have {string.Join(", ", Containers(service).Select(c => (string?)c!["Name"]))}");

        public IEnumerable<string> ContainerNames(string service) => Containers(service).Select(c => (string)c!["Name"]!);

        /// <summary>The CONSUL_ECS_CONFIG_JSON of a container, parsed.</summary>
        public JsonObject Config(string service, string container = "consul-ecs-mesh-init") =>
            JsonNode.Parse((string)Container(service, container)["Environment"]!.AsArray().First(e => (string?)e!["Name"] == "CONSUL_ECS_CONFIG_JSON")!["Value"]!)!.AsObject();

        public IEnumerable<(string Name, string Condition)> DependsOn(string service, string container) =>
            Container(service, container)["DependsOn"]?.AsArray().Select(d => ((string)d!["ContainerName"]!, (string)d["Condition"]!)) ?? [];

        /// <summary>Ingress rules as (target group id JSON, source JSON, protocol, from, to).</summary>
        public IEnumerable<JsonObject> Ingress => OfType("AWS::EC2::SecurityGroupIngress").Select(r => r.Value["Properties"]!.AsObject());
    }

    public static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
