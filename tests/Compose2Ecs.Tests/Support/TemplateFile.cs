using System.Text.Json.Nodes;

namespace Compose2Ecs.Testing;

/// <summary>A template (read back from disk, or as C# built it for the CDK), with small helpers for assertions.</summary>
public sealed class TemplateFile
{
    public TemplateFile(string path)
        : this(path, File.ReadAllText(path))
    {
    }

    private TemplateFile(string path, string text)
    {
        Path = path;
        Text = text;
        Root = JsonNode.Parse(Text)!.AsObject();
    }

    /// <summary>Where the template was read from; for a template from <see cref="FromText"/>, the file name synthesis gives it.</summary>
    public string Path { get; }

    /// <summary>A template that is not on disk (the pure path's), named as <paramref name="name"/>.</summary>
    public static TemplateFile FromText(string name, string text) => new(name, text);

    public string Text { get; }

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public IEnumerable<string> Ids => Resources.Select(r => r.Key);

    public IEnumerable<KeyValuePair<string, JsonObject>> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type).Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()));

    public JsonObject Resource(string id) =>
        Resources[id]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no resource {id}; have {string.Join(", ", Ids)}");

    public JsonObject Properties(string id) => Resource(id)["Properties"]!.AsObject();

    /// <summary>The single container of a service's task definition.</summary>
    public JsonObject Container(string service, string? name = null) =>
        Properties(Compose2Ecs.Core.Ecs.Naming.LogicalIds.For(service, "TaskDefinition"))["ContainerDefinitions"]!.AsArray()
            .Select(c => c!.AsObject())
            .First(c => (string?)c["Name"] == (name ?? service));

    public IEnumerable<string> DependsOn(string id) => Resource(id)["DependsOn"]?.AsArray().Select(d => (string)d!) ?? [];
}
