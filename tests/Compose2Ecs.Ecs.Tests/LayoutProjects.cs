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

    /// <summary>Services that still fit one template with <c>--mesh none</c>, and as many as no longer do.</summary>
    public const int OneTemplate = 45, Split = 50;

    /// <summary><c>--mesh none</c>: <see cref="OneTemplate"/> services in one template, then <see cref="Split"/> with that layout kept (the new ones nested).</summary>
    public static StackLayout StickyAcross()
    {
        using var dir = new TempDir();
        var one = PureSynth.Yaml(dir, GeneratedProject.Yaml(OneTemplate)).TemplateSet.Layout;
        var layout = StackLayoutFile.Parse(StackLayoutFile.Format(one), StackLayoutFile.DefaultName);
        return PureSynth.Yaml(dir, GeneratedProject.Yaml(Split), new SynthOptions { Layout = layout }).TemplateSet.Layout;
    }
}
