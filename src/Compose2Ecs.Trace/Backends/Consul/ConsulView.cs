using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;

namespace Compose2Ecs.Trace.Backends.Consul;

/// <summary>The Consul side of the assembly: each task's consul-ecs config, its containers, and the config entries written.</summary>
internal sealed class ConsulView(ResourceGraph graph)
{
    public const string MeshInit = "consul-ecs-mesh-init";

    /// <summary>The task's <c>CONSUL_ECS_CONFIG_JSON</c> (mesh-init's), or null for a task outside the mesh.</summary>
    public JsonObject? Config(AppTask task)
    {
        var init = task.Container(MeshInit);
        foreach (var variable in init?["Environment"] as JsonArray ?? [])
        {
            if (variable?["Name"]?.GetValue<string>() == "CONSUL_ECS_CONFIG_JSON" && graph.Resolve(variable["Value"], task.TaskDefinition).Text is { } text)
            {
                return JsonNode.Parse(text) as JsonObject;
            }
        }

        return null;
    }

    /// <summary>
    /// The Consul names a compose upstream may have: a service its own name, a route (or anything
    /// else compose2ecs names) <c>&lt;project&gt;-&lt;name&gt;</c>, the project from the caller's
    /// registration meta; lowercased, '.' → '-', as the backend writes them.
    /// </summary>
    public static IReadOnlyList<string> Names(JsonObject config, string upstream)
    {
        var names = new List<string> { Clean(upstream) };
        if (config["service"]?["meta"]?["compose-project"]?.GetValue<string>() is { Length: > 0 } project)
        {
            names.Add(Clean($"{project}-{upstream}"));
        }

        return names;
    }

    private static string Clean(string name) => name.ToLowerInvariant().Replace('.', '-');

    public IEnumerable<(string Destination, int Port)> Upstreams(JsonObject config) =>
        (config["proxy"]?["upstreams"] as JsonArray ?? [])
            .Select(u => (u?["destinationName"]?.GetValue<string>() ?? "", u?["localBindPort"]?.GetValue<int>() ?? 0));

    /// <summary>Every config entry written: files beside the templates, and entries a config-writing task carries in its environment.</summary>
    public IEnumerable<JsonObject> ConfigEntries => graph.Assembly.SideFiles.Where(f => f["Kind"] is not null).Concat(EmbeddedEntries());

    /// <summary>Whether the ACL controller runs (it revokes the tokens of tasks not tagged for the mesh).</summary>
    public bool HasController(AppIndex apps) => graph.OfType("AWS::ECS::TaskDefinition").Any(t =>
        (t.Properties["ContainerDefinitions"] as JsonArray ?? []).Any(c => (c?["Command"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() == "controller"));

    private IEnumerable<JsonObject> EmbeddedEntries()
    {
        foreach (var task in graph.OfType("AWS::ECS::TaskDefinition"))
        {
            foreach (var container in task.Properties["ContainerDefinitions"] as JsonArray ?? [])
            {
                foreach (var variable in container?["Environment"] as JsonArray ?? [])
                {
                    if (graph.Resolve(variable?["Value"], task).Text is { } text && text.Contains("\"Kind\"", StringComparison.Ordinal) && text.TrimStart().StartsWith('{'))
                    {
                        JsonObject? entry = null;
                        try
                        {
                            entry = JsonNode.Parse(text) as JsonObject;
                        }
                        catch (System.Text.Json.JsonException)
                        {
                        }

                        if (entry is not null)
                        {
                            yield return entry;
                        }
                    }
                }
            }
        }
    }
}
