using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.AppMesh.Tests;

/// <summary>The templates <c>--mesh appmesh</c> builds (those synth hands to the CDK, built without it), and small readers for the App Mesh parts of a template.</summary>
internal static class AppMeshSynth
{
    public static SynthOptions Options { get; } = new() { Mesh = "appmesh" };

    public static PureSynth.Output Yaml(TempDir dir, string compose) => PureSynth.Yaml(dir, compose, Options);

    public static IReadOnlyList<Diagnostic> Errors(TempDir dir, string compose) => Synth.Errors(dir, compose, Options);

    public static string Id(string name, string kind) => LogicalIds.For(name, kind);

    /// <summary>A value at a dotted path with [i] indexes: <c>Spec.Listeners[0].PortMapping.Port</c>.</summary>
    public static JsonNode? At(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                current = current?[name];
            }

            if (index >= 0)
            {
                current = current?.AsArray()[index];
            }
        }

        return current;
    }

    /// <summary>Compact JSON, keys sorted (<see cref="CanonicalJson"/>: the same text from a built template and from the CDK's).</summary>
    public static string Json(this JsonNode? node) => CanonicalJson.Text(node);

    /// <summary>The proxy configuration properties of a service's task, as name → value.</summary>
    public static Dictionary<string, string> Proxy(this TemplateFile template, string service) =>
        template.Properties(Id(service, "TaskDefinition"))["ProxyConfiguration"]!["ProxyConfigurationProperties"]!.AsArray()
            .ToDictionary(p => (string)p!["Name"]!, p => (string)p!["Value"]!);

    /// <summary>Every statement of a role's inline policy.</summary>
    public static List<JsonObject> Statements(this TemplateFile template, string roleId) =>
        template.Properties(roleId)["Policies"]?.AsArray().SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray()).Select(s => s!.AsObject()).ToList() ?? [];

    /// <summary>The security-group ingress rules as "target ← source port".</summary>
    public static List<string> IngressRules(this TemplateFile template) =>
        [.. template.OfType("AWS::EC2::SecurityGroupIngress").Select(r => (string)r.Value["Properties"]!["Description"]!).Order(StringComparer.Ordinal)];
}
