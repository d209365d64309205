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

    /// <summary>
    /// App Mesh: the most services of the generated project that fit in one template. Found, not
    /// written down: a backend change that adds a resource per service moves it.
    /// </summary>
    public static int SingleTemplate => Single.Value;

    /// <summary>Five services more than <see cref="SingleTemplate"/>: the project has crossed the single-template limit.</summary>
    public static int Grown => SingleTemplate + 5;

    private static readonly Lazy<int> Single = new(() =>
    {
        using var dir = new TempDir();
        bool Fits(int services) => PureSynth.Yaml(dir, GeneratedProject.Yaml(services), new SynthOptions { Mesh = "appmesh" }).TemplateSet.Nested.IsEmpty;
        var (fits, splits) = (1, 200);
        Assert.True(Fits(fits) && !Fits(splits), "the single-template limit is outside 1-200 services");
        while (splits - fits > 1)
        {
            var middle = (fits + splits) / 2;
            (fits, splits) = Fits(middle) ? (middle, splits) : (fits, middle);
        }

        return fits;
    });

    /// <summary>App Mesh: <see cref="SingleTemplate"/> services in one template, then <see cref="Grown"/> with that layout kept (the 5 new ones nested).</summary>
    public static StackLayout StickyGrown()
    {
        using var dir = new TempDir();
        var single = PureSynth.Yaml(dir, GeneratedProject.Yaml(SingleTemplate), new SynthOptions { Mesh = "appmesh" }).TemplateSet.Layout;
        var layout = StackLayoutFile.Parse(StackLayoutFile.Format(single), StackLayoutFile.DefaultName);
        return PureSynth.Yaml(dir, GeneratedProject.Yaml(Grown), new SynthOptions { Mesh = "appmesh", Layout = layout }).TemplateSet.Layout;
    }
}
