using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Trace.Assembly;

/// <summary>
/// A synthesized cloud assembly read back: every stack that <c>manifest.json</c> lists, every
/// nested template they hold (at any depth), and the other JSON files beside them (Consul
/// config entries written as files).
/// </summary>
public sealed class CloudAssembly
{
    private CloudAssembly(ImmutableArray<StackTemplate> templates, ImmutableArray<JsonObject> sideFiles)
    {
        Templates = templates;
        SideFiles = sideFiles;
    }

    public ImmutableArray<StackTemplate> Templates { get; }

    /// <summary>JSON objects written beside the templates that are not templates (Consul config entries).</summary>
    public ImmutableArray<JsonObject> SideFiles { get; }

    /// <summary>Reads <paramref name="directory"/>; a missing or unreadable assembly is bad input, located at the file.</summary>
    public static CloudAssembly Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw Invalid(manifestPath, $"no cloud assembly here: {manifestPath} does not exist; run 'compose2ecs synth -o {directory}' first, or pass --app DIR");
        }

        var manifest = ReadObject(manifestPath);
        var stacks = new List<(string Name, string File)>();
        foreach (var (name, artifact) in manifest["artifacts"] as JsonObject ?? [])
        {
            if (artifact?["type"]?.GetValue<string>() == "aws:cloudformation:stack"
                && artifact["properties"]?["templateFile"]?.GetValue<string>() is { } file)
            {
                stacks.Add((name, file));
            }
        }

        stacks.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        JsonObject Read(string file) => files.TryGetValue(file, out var t) ? t : files[file] = ReadObject(Path.Combine(directory, file));
        var templates = Build(stacks.Select(s => (s.Name, s.File, Read(s.File))), Read);
        var used = templates.Select(t => t.File).Append("manifest.json").Append("tree.json").ToHashSet(StringComparer.Ordinal);
        var side = Directory.EnumerateFiles(directory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => !used.Contains(f) && !f.EndsWith(".template.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(Path.Combine(directory, f))) as JsonObject)
            .OfType<JsonObject>();
        return new CloudAssembly(templates, [.. side]);
    }

    /// <summary>An assembly from templates in memory (tests): top-level stacks by name; nested ones found through <paramref name="files"/>.</summary>
    public static CloudAssembly FromTemplates(IReadOnlyDictionary<string, JsonObject> stacks, IReadOnlyDictionary<string, JsonObject>? files = null, IEnumerable<JsonObject>? sideFiles = null)
    {
        var nested = files ?? new Dictionary<string, JsonObject>();
        var templates = Build(stacks.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Key + ".template.json", s.Value)), f => nested[f]);
        return new CloudAssembly(templates, [.. sideFiles ?? []]);
    }

    private static ImmutableArray<StackTemplate> Build(IEnumerable<(string Name, string File, JsonObject Template)> stacks, Func<string, JsonObject> read)
    {
        var all = ImmutableArray.CreateBuilder<StackTemplate>();
        void Add(StackTemplate template)
        {
            all.Add(template);
            foreach (var (id, resource) in template.Resources)
            {
                if (resource?["Type"]?.GetValue<string>() == "AWS::CloudFormation::Stack" && NestedFile(resource) is { } file)
                {
                    Add(new StackTemplate($"{template.Path}/{id}", file, read(file), template, id));
                }
            }
        }

        foreach (var (name, file, template) in stacks)
        {
            Add(new StackTemplate(name, file, template, null, null));
        }

        return all.ToImmutable();
    }

    /// <summary>The CDK names a nested template in the resource's <c>aws:asset:path</c> metadata; a plain template names it in <c>TemplateURL</c>.</summary>
    private static string? NestedFile(JsonNode resource) =>
        resource["Metadata"]?["aws:asset:path"]?.GetValue<string>()
        ?? (resource["Properties"]?["TemplateURL"] is JsonValue url && url.TryGetValue<string>(out var s) && !s.Contains("://", StringComparison.Ordinal) ? s : null);

    private static JsonObject ReadObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw Invalid(path, "not a JSON object; expected a file the CDK wrote");
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"not valid JSON ({e.Message}); expected a file the CDK wrote");
        }
        catch (IOException e)
        {
            throw Invalid(path, $"cannot be read ({e.Message})");
        }
    }

    private static InvalidInputException Invalid(string path, string message) =>
        new([Diagnostic.Error(new SourceLocation(path, 1, 1), TraceDiagnosticCodes.UnreadableAssembly, message)]);
}
