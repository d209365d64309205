using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>
/// With the stack layout file kept from run to run, an application that grows never moves a
/// resource to another template (CloudFormation would replace it) and never loses one: through
/// the single-template limit (the root keeps its services) and up to hundreds of services.
/// </summary>
public sealed class StackLayoutGrowthTests(ITestOutputHelper log)
{
    /// <summary>
    /// Through one template (1–40), the crossing (45), several service stacks (120–300, and 600 at
    /// the full depth: <see cref="TestDepth"/>).
    /// </summary>
    private static readonly int[] Steps = [1, 2, 5, 10, 40, 45, 50, 120, 300, .. TestDepth.Full ? new[] { 600 } : []];

    [Theory]
    [InlineData("none")]
    [InlineData("appmesh")]
    [InlineData("consul")]
    [InlineData("service-connect")]
    public void Growing_to_hundreds_of_services_with_the_layout_file_moves_and_loses_no_resource(string mesh)
    {
        StackLayout? layout = null;
        Dictionary<string, string>? before = null;
        var wasSplit = false;
        foreach (var services in Steps)
        {
            using var dir = new TempDir();
            var set = PureSynth.Yaml(dir, LayoutProjects.Yaml(services, mesh), new SynthOptions { Mesh = mesh, Layout = layout }).TemplateSet;
            var homes = LayoutProjects.Homes(set);
            TemplateLimits.AssertWithin(set);
            if (before is not null)
            {
                var moved = before.Where(p => !homes.TryGetValue(p.Key, out var now) || now != p.Value)
                    .Select(p => $"{p.Key}: {Show(p.Value)} -> {(homes.TryGetValue(p.Key, out var now) ? Show(now) : "gone")}").ToList();
                Assert.True(moved.Count == 0, $"{mesh}, {services} services: {moved.Count} resources moved or disappeared, e.g. {string.Join("; ", moved.Take(5))}");
            }

            wasSplit |= !set.Nested.IsEmpty;
            log.WriteLine($"{mesh} {services}: {homes.Count} resources, {set.Nested.Length + 1} templates, root {set.Root.Resources.Length}");

            // Through the file's text, as synth writes and reads it.
            layout = StackLayoutFile.Parse(StackLayoutFile.Format(set.Layout), StackLayoutFile.DefaultName);
            before = homes;
        }

        Assert.True(wasSplit, "the application never needed nested stacks: the test proves nothing");
        Assert.Contains(before!, p => p.Value.Length == 0 && p.Key.StartsWith("s0001", StringComparison.Ordinal));
    }

    [Fact]
    public void Growing_past_the_roots_room_for_stacks_adds_middle_stacks_and_moves_nothing()
    {
        // Small limits make the root run out of room for stack resources early.
        var limits = new SplitLimits { MaxResources = 60, MaxParameters = 40 };
        StackLayout? layout = null;
        Dictionary<string, string>? before = null;
        TemplateSet? set = null;
        foreach (var services in new[] { 5, 20, 60, 150, 300 })
        {
            using var dir = new TempDir();
            set = TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(services)), limits, layout);
            TemplateLimits.AssertWithin(set, limits);
            var homes = LayoutProjects.Homes(set);
            if (before is not null)
            {
                Assert.All(before, p => Assert.Equal(p.Value, homes.GetValueOrDefault(p.Key)));
            }

            layout = StackLayoutFile.Parse(StackLayoutFile.Format(set.Layout), StackLayoutFile.DefaultName);
            before = homes;
        }

        Assert.Contains(set!.Nested, d => d.Id.StartsWith("Services", StringComparison.Ordinal));
    }

    private static string Show(string template) => template.Length == 0 ? "root" : template;
}
