using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Generated projects for the stack layout tests, and where each resource went.</summary>
internal static class LayoutProjects
{
    /// <summary>Consul needs servers to join, and its config entries as files at this size (as in the Hardening scale test).</summary>
    public static string Yaml(int services, string mesh) => mesh == "consul"
        ? GeneratedProject.Yaml(services).Replace("name: big\n", "name: big\nx-mesh:\n  consul:\n    dev_server: true\n    config_entries: files\n", StringComparison.Ordinal)
        : GeneratedProject.Yaml(services);

    /// <summary>Every resource's template as a path from the root (<c>""</c>, <c>ServiceGroup3</c>, <c>Services0/ServiceGroup3</c>): a nested stack that changes parent moves its resources too.</summary>
    public static Dictionary<string, string> Homes(TemplateSet set)
    {
        var byId = set.Nested.ToDictionary(d => d.Id, StringComparer.Ordinal);
        string Path(TemplateDocument d) => d.IsRoot ? "" : d.Parent is { Length: > 0 } parent ? $"{Path(byId[parent])}/{d.Id}" : d.Id;
        return set.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, Path: Path(d)))).ToDictionary(x => x.LogicalId, x => x.Path, StringComparer.Ordinal);
    }

    /// <summary>App Mesh: 36 services in one template, then 45 with that layout kept (the 9 new ones nested).</summary>
    public static StackLayout Sticky45()
    {
        using var dir = new TempDir();
        var at36 = PureSynth.Yaml(dir, GeneratedProject.Yaml(36), new SynthOptions { Mesh = "appmesh" }).TemplateSet.Layout;
        var layout = StackLayoutFile.Parse(StackLayoutFile.Format(at36), StackLayoutFile.DefaultName);
        return PureSynth.Yaml(dir, GeneratedProject.Yaml(45), new SynthOptions { Mesh = "appmesh", Layout = layout }).TemplateSet.Layout;
    }
}
