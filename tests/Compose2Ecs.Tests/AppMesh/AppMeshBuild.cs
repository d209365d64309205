using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>App Mesh synthesis without the CDK: the plan and the templates C# builds from it, as JSON.</summary>
internal static class AppMeshBuild
{
    public static Built Build(TempDir dir, string compose)
    {
        var plan = Synth.Plan(dir, compose, AppMeshSynth.Options);
        var set = TemplateBuilder.Build(plan);
        return new Built(plan, [.. set.All.Select(TemplateJson.ToObject)]);
    }

    /// <summary>The errors of an input planning rejects.</summary>
    public static IReadOnlyList<Diagnostic> Errors(TempDir dir, string compose) =>
        [.. Assert.Throws<InvalidInputException>(() => Synth.Plan(dir, compose, AppMeshSynth.Options)).Errors];

    public sealed record Built(EcsPlan Plan, IReadOnlyList<JsonObject> Templates)
    {
        public IEnumerable<KeyValuePair<string, JsonObject>> All =>
            Templates.SelectMany(t => t["Resources"]!.AsObject().Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject())));

        public JsonObject Properties(string id) => (All.FirstOrDefault(r => r.Key == id).Value
            ?? throw new Xunit.Sdk.XunitException($"no resource {id}; have {string.Join(", ", All.Select(r => r.Key))}"))["Properties"]!.AsObject();

        public IEnumerable<JsonObject> OfType(string type) => All.Where(r => (string?)r.Value["Type"] == type).Select(r => r.Value["Properties"]!.AsObject());

        public JsonObject Container(string service, string name) =>
            Properties(LogicalIds.For(service, "TaskDefinition"))["ContainerDefinitions"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["Name"] == name);

        public Dictionary<string, string> Proxy(string service) =>
            Properties(LogicalIds.For(service, "TaskDefinition"))["ProxyConfiguration"]!["ProxyConfigurationProperties"]!.AsArray()
                .ToDictionary(p => (string)p!["Name"]!, p => (string)p!["Value"]!);

        /// <summary>Ingress rules as (group logical id, from port, source group or CIDR).</summary>
        public List<(string Group, int Port, string Source)> Ingress() =>
        [
            .. OfType("AWS::EC2::SecurityGroupIngress").Select(r => (
                r["GroupId"]!["Fn::GetAtt"]![0]!.GetValue<string>(),
                (int)(long)r["FromPort"]!,
                r["SourceSecurityGroupId"]?["Fn::GetAtt"]?[0]?.GetValue<string>() ?? (string?)r["CidrIp"] ?? "")),
        ];
    }
}
