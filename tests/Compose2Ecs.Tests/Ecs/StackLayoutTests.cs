using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>The stack layout file: read back, it keeps every service in its template; what it may not say; what a rebalance moves.</summary>
public sealed class StackLayoutTests
{
    private const string File = StackLayoutFile.DefaultName;

    /// <summary>The file's header is 4 comment lines: the first service is on line 5.</summary>
    private const int FirstLine = 5;

    [Fact]
    public void A_layout_read_back_builds_byte_identical_templates()
    {
        using var dir = new TempDir();
        var first = Build(dir, GeneratedProject.Yaml(120), "appmesh", null);
        Assert.NotEmpty(first.Nested);
        var again = Build(dir, GeneratedProject.Yaml(120), "appmesh", RoundTrip(first.Layout));

        Assert.Equal(first.All.Select(TemplateJson.Text), again.All.Select(TemplateJson.Text));
        Assert.Equal(StackLayoutFile.Format(first.Layout), StackLayoutFile.Format(again.Layout));
    }

    [Fact]
    public void Reordering_the_compose_services_moves_nothing()
    {
        using var dir = new TempDir();
        StackLayout? inOrder = null, reversed = null;
        foreach (var services in new[] { 40, 45, 120 })
        {
            var a = Build(dir, GeneratedProject.Yaml(services), "none", inOrder);
            var b = Build(dir, Reversed(GeneratedProject.Yaml(services)), "none", reversed);
            Assert.Equal(LayoutProjects.Homes(a), LayoutProjects.Homes(b));
            Assert.Equal(StackLayoutFile.Format(a.Layout), StackLayoutFile.Format(b.Layout));
            (inOrder, reversed) = (RoundTrip(a.Layout), RoundTrip(b.Layout));
        }
    }

    [Fact]
    public void Crossing_the_single_template_limit_keeps_the_root_services_in_the_root()
    {
        using var dir = new TempDir();
        var single = Build(dir, GeneratedProject.Yaml(LayoutProjects.SingleTemplate), "appmesh", null);
        Assert.Empty(single.Nested);
        Assert.All(single.Layout.Services, s => Assert.Equal("", s.ServiceStack));

        var grown = Build(dir, GeneratedProject.Yaml(LayoutProjects.Grown), "appmesh", RoundTrip(single.Layout));
        Assert.NotEmpty(grown.Nested);
        var homes = LayoutProjects.Homes(grown);
        Assert.All(single.Root.Resources, r => Assert.Equal("", homes[r.LogicalId]));
        Assert.All(grown.Layout.Services.Where(s => string.CompareOrdinal(s.Service, $"s{LayoutProjects.SingleTemplate:D4}") >= 0),
            s => Assert.StartsWith("ServiceGroup", s.ServiceStack, StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_a_service_drops_its_line_with_a_note_and_moves_no_other()
    {
        using var dir = new TempDir();
        var before = Build(dir, GeneratedProject.Yaml(120), "none", null);
        var layout = RoundTrip(before.Layout);
        var output = PureSynth.Yaml(dir, GeneratedProject.Yaml(120, skip: 17), new SynthOptions { Layout = layout });

        var note = Assert.Single(output.Warnings, w => w.Code == EcsDiagnosticCodes.LayoutServiceRemoved);
        Assert.Equal(new SourceLocation(File, FirstLine + 17, 1), note.Location);
        Assert.Null(output.TemplateSet.Layout.Find("s0017"));
        var after = LayoutProjects.Homes(output.TemplateSet);
        var kept = LayoutProjects.Homes(before).Where(p => !p.Key.StartsWith("s0017", StringComparison.Ordinal)
            && !p.Key.Contains("Froms0017", StringComparison.Ordinal));
        Assert.All(kept, p => Assert.Equal(p.Value, after.GetValueOrDefault(p.Key)));
    }

    [Fact]
    public void A_single_template_layout_drops_a_removed_service_without_a_note()
    {
        using var dir = new TempDir();
        var layout = RoundTrip(Build(dir, GeneratedProject.Yaml(10), "none", null).Layout);
        var output = PureSynth.Yaml(dir, GeneratedProject.Yaml(10, skip: 3), new SynthOptions { Layout = layout });

        Assert.DoesNotContain(output.Warnings, w => w.Code == EcsDiagnosticCodes.LayoutServiceRemoved);
        Assert.Null(output.TemplateSet.Layout.Find("s0003"));
        Assert.Equal(9, output.TemplateSet.Layout.Services.Length);
    }

    [Fact]
    public void A_layout_that_would_push_a_template_past_a_limit_is_an_error_that_says_to_rebalance()
    {
        using var dir = new TempDir();
        var layout = RoundTrip(Build(dir, GeneratedProject.Yaml(40), "none", null).Layout);
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(40));

        var error = Assert.Throws<InvalidInputException>(() => TemplateBuilder.Build(plan, new SplitLimits { MaxResources = 300 }, layout));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(EcsDiagnosticCodes.LayoutOverLimit, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, FirstLine, 1), diagnostic.Location);
        Assert.Contains("--rebalance", diagnostic.Message, StringComparison.Ordinal);

        // Placed from the names instead, the same application fits.
        Assert.NotEmpty(TemplateBuilder.Build(plan, new SplitLimits { MaxResources = 300 }).Nested);
    }

    [Theory]
    [InlineData("api root\n", 1, 9)]
    [InlineData("api root root 0 extra\n", 1, 17)]
    [InlineData("api ServiceGroup1 root 0\n", 1, 5)]
    [InlineData("api root SecurityGroups0 0\n", 1, 10)]
    [InlineData("api root root -1\n", 1, 15)]
    [InlineData("api root ServiceGroup01 0\n", 1, 10)]
    [InlineData("# comment\n\napi root root 0\napi root root 0\n", 4, 1)]
    [InlineData("a SecurityGroups0 ServiceGroup1 0\nb SecurityGroups0 Services0/ServiceGroup1 0\n", 2, 19)]
    [InlineData("a/b root root 0\n", 1, 1)]
    public void A_malformed_layout_is_an_error_at_its_line_and_column(string text, int line, int column)
    {
        var error = Assert.Throws<InvalidInputException>(() => StackLayoutFile.Parse(text, File));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(EcsDiagnosticCodes.LayoutMalformed, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, line, column), diagnostic.Location);
    }

    [Fact]
    public void The_file_is_one_sorted_line_per_service_and_reads_back_the_same()
    {
        var text = "# x\nweb SecurityGroups1 Services0/ServiceGroup2 3\napi root root 0\njob - ServiceGroup0 1\r\n";
        var layout = StackLayoutFile.Parse(text, File);
        var written = StackLayoutFile.Format(layout);

        var lines = written.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(["api root root 0", "job - ServiceGroup0 1", "web SecurityGroups1 Services0/ServiceGroup2 3"], lines);
        Assert.DoesNotContain('\r', written);
        Assert.Equal(written, StackLayoutFile.Format(StackLayoutFile.Parse(written, File)));
        Assert.Equal(new ServicePlacement("web", "SecurityGroups1", "ServiceGroup2", "Services0", 3, new SourceLocation(File, 2, 1)), layout.Find("web"));
    }

    [Fact]
    public void A_rebalance_maps_each_moved_resource_from_its_stack_to_its_new_one()
    {
        using var dir = new TempDir();
        var single = Build(dir, GeneratedProject.Yaml(LayoutProjects.SingleTemplate), "appmesh", null);
        var sticky = RoundTrip(Build(dir, GeneratedProject.Yaml(LayoutProjects.Grown), "appmesh", RoundTrip(single.Layout)).Layout);
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(LayoutProjects.Grown), new SynthOptions { Mesh = "appmesh" });
        var fresh = TemplateBuilder.Build(plan);

        var moves = StackMoves.Between(sticky, fresh, PlanResources.Build(plan));
        var homes = LayoutProjects.Homes(fresh);
        Assert.NotEmpty(moves);
        Assert.All(moves, m => Assert.Equal(homes[m.LogicalId], m.To));
        Assert.All(moves, m => Assert.NotEqual(m.From, m.To));
        Assert.Contains(moves, m => m.LogicalId == "s0000TaskDefinition" && m.From == "" && m.To.StartsWith("ServiceGroup", StringComparison.Ordinal));

        var mapping = JsonNode.Parse(StackRefactorMapping.Json(moves, "big"))!.AsArray();
        Assert.Equal(moves.Length, mapping.Count);
        var first = mapping[0]!;
        Assert.Equal(first["Source"]!["LogicalResourceId"]!.GetValue<string>(), first["Destination"]!["LogicalResourceId"]!.GetValue<string>());
        Assert.Equal(StackRefactorMapping.StackName("big", moves[0].From), first["Source"]!["StackName"]!.GetValue<string>());
        Assert.Equal(StackRefactorMapping.StackName("big", moves[0].To), first["Destination"]!["StackName"]!.GetValue<string>());
    }

    private static TemplateSet Build(TempDir dir, string compose, string mesh, StackLayout? layout) =>
        PureSynth.Yaml(dir, compose, new SynthOptions { Mesh = mesh, Layout = layout }).TemplateSet;

    /// <summary>Through the file's text, as synth writes and reads it.</summary>
    private static StackLayout RoundTrip(StackLayout layout) => StackLayoutFile.Parse(StackLayoutFile.Format(layout), File);

    /// <summary>The same services, listed last to first.</summary>
    private static string Reversed(string yaml)
    {
        var (head, body) = (yaml[..(yaml.IndexOf("services:\n", StringComparison.Ordinal) + "services:\n".Length)], yaml[(yaml.IndexOf("services:\n", StringComparison.Ordinal) + "services:\n".Length)..]);
        var services = new List<string>();
        foreach (var line in body.Split('\n').Where(l => l.Length > 0))
        {
            if (!line.StartsWith("    ", StringComparison.Ordinal))
            {
                services.Add("");
            }

            services[^1] += line + "\n";
        }

        services.Reverse();
        return head + string.Concat(services);
    }
}
