using System.Text.Json.Nodes;

namespace Compose2Ecs.Testing;

/// <summary>
/// Compares what the CDK wrote into a cloud assembly with the templates C# built for it
/// (<see cref="PureSynth"/>). The CDK includes those templates through one <c>CfnInclude</c>;
/// what it changes on the way, and nothing else, is set aside here:
/// <list type="bullet">
/// <item>the order of object keys (it writes typed properties in alphabetical order);</item>
/// <item>the order of a resource's <c>DependsOn</c> list (it sorts it);</item>
/// <item>the order of a <c>Tags</c> list (its tag manager sorts tags by key);</item>
/// <item>on each nested stack resource: <c>TemplateURL</c> (the file name C# gives becomes the asset's
/// S3 URL) and the <c>Metadata</c> it adds (<c>aws:asset:path</c>, the file it wrote the template to,
/// and <c>aws:asset:property</c>);</item>
/// <item>the nested templates' file names (<c>*.nested.template.json</c>, found through <c>aws:asset:path</c>).</item>
/// </list>
/// The manifest, tree.json and the assembly marker are the CDK's or synth's own and are not compared.
/// </summary>
public static class CdkOutput
{
    /// <summary>Asserts the assembly in <paramref name="directory"/> holds exactly the pure templates, as above.</summary>
    public static void AssertHolds(string directory, PureSynth.Output pure)
    {
        var rootFile = Path.Combine(directory, $"{pure.Plan.StackName}.template.json");
        var files = Directory.GetFiles(directory, "*.template.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var matched = new List<string>();
        Compare(rootFile, pure.Template, pure, directory, matched);
        Assert.Equal(files, matched.Order(StringComparer.Ordinal));
    }

    private static void Compare(string file, TemplateFile expected, PureSynth.Output pure, string directory, List<string> matched)
    {
        matched.Add(Path.GetFileName(file));
        var written = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var children = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, resource) in written["Resources"]!.AsObject())
        {
            if ((string?)resource!["Type"] != "AWS::CloudFormation::Stack")
            {
                continue;
            }

            var metadata = resource["Metadata"]!.AsObject();
            Assert.Equal("TemplateURL", (string?)metadata["aws:asset:property"]);
            children[id] = (string)metadata["aws:asset:path"]!;
        }

        var want = Canonical(expected.Root, children.Keys);
        var got = Canonical(written, children.Keys);
        Assert.True(JsonNode.DeepEquals(want, got), $"{Path.GetFileName(file)} differs from the template C# built ({expected.Path}):\n{FirstDifference(want, got, "$")}");
        foreach (var (id, child) in children)
        {
            var nested = pure.Nested.Single(t => t.Path == $"{id}.template.json");
            Compare(Path.Combine(directory, child), nested, pure, directory, matched);
        }
    }

    /// <summary>The template with the CDK's liberties undone: keys sorted, DependsOn and Tags sorted, nested stacks' URL and metadata dropped.</summary>
    private static JsonNode Canonical(JsonObject template, IEnumerable<string> stacks)
    {
        var copy = template.DeepClone().AsObject();
        foreach (var id in stacks)
        {
            var resource = copy["Resources"]![id]!.AsObject();
            resource.Remove("Metadata");
            resource["Properties"]!.AsObject().Remove("TemplateURL");
        }

        foreach (var (_, resource) in copy["Resources"]!.AsObject())
        {
            if (resource!["DependsOn"] is JsonArray dependsOn)
            {
                resource.AsObject()["DependsOn"] = new JsonArray([.. dependsOn.Select(d => (string)d!).Order(StringComparer.Ordinal).Select(d => (JsonNode?)JsonValue.Create(d))]);
            }
        }

        return Sorted(copy, null)!;
    }

    /// <summary>Keys sorted (<see cref="CanonicalJson"/>), and every <c>Tags</c> list of key-value pairs sorted by key.</summary>
    private static JsonNode? Sorted(JsonNode? node, string? key) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, Sorted(e.Value, e.Key)))),
        JsonArray list when key == "Tags" && list.All(t => t is JsonObject o && o.ContainsKey("Key")) =>
            new JsonArray([.. list.Select(t => Sorted(t, null)).OrderBy(t => CanonicalJson.Text(t!["Key"]), StringComparer.Ordinal)]),
        JsonArray list => new JsonArray([.. list.Select(i => Sorted(i, null))]),
        _ => node?.DeepClone(),
    };

    private static string FirstDifference(JsonNode? want, JsonNode? got, string path)
    {
        if (want is JsonObject a && got is JsonObject b)
        {
            foreach (var key in a.Select(e => e.Key).Union(b.Select(e => e.Key)))
            {
                if (!JsonNode.DeepEquals(a[key], b[key]))
                {
                    return FirstDifference(a[key], b[key], $"{path}.{key}");
                }
            }
        }

        if (want is JsonArray x && got is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                if (!JsonNode.DeepEquals(x[i], y[i]))
                {
                    return FirstDifference(x[i], y[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path}: built {want?.ToJsonString() ?? "nothing"}, the CDK wrote {got?.ToJsonString() ?? "nothing"}";
    }
}
