using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Past 500 resources or 1 MB, services move into nested stacks, grouped by a stable hash, each template within the limits.</summary>
public sealed class SplittingTests
{
    private static readonly SplitLimits Small = new() { MaxResources = 60, MaxParameters = 40 };

    [Fact]
    public void A_small_application_stays_one_template()
    {
        using var dir = new TempDir();
        var templates = TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(5)));
        Assert.Empty(templates.Nested);
    }

    [Fact]
    public void Every_resource_lands_in_exactly_one_template_within_the_limits()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(40));
        var templates = TemplateBuilder.Build(plan, Small);
        var all = PlanResources.Build(plan).Select(r => r.LogicalId).Order().ToList();

        Assert.NotEmpty(templates.Nested);
        var placed = templates.All.SelectMany(d => d.Resources).Select(r => r.LogicalId).Where(id => !templates.Nested.Any(n => n.Id == id)).Order().ToList();
        Assert.Equal(all, placed);
        Assert.All(templates.All, d => Assert.True(StackSplitter.Fits(d, Small), $"{d.Id} is over the limits"));

        // A service's resources stay together: its security groups in one SecurityGroups{b} stack, the rest in one
        // ServiceGroup{b} stack, b being the service's hash bucket (over 2^depth buckets, the depth the stack's own).
        foreach (var service in plan.Services)
        {
            var homes = templates.All.Where(d => d.Resources.Any(r => r.Owner == service.Name && r.Type != "AWS::EC2::SecurityGroup")).ToList();
            var home = Assert.Single(homes);
            Assert.Equal($"ServiceGroup{home.Bucket!.Index}", home.Id);
            Assert.Equal(home.Bucket.Index, StackSplitter.Bucket(service.Name, 1 << home.Bucket.Depth));
            var groups = Assert.Single(templates.All.Where(d => d.Resources.Any(r => r.Owner == service.Name && r.Type == "AWS::EC2::SecurityGroup")).ToList());
            Assert.Equal($"SecurityGroups{groups.Bucket!.Index}", groups.Id);
            Assert.Equal(groups.Bucket.Index, StackSplitter.Bucket(service.Name, 1 << groups.Bucket.Depth));
        }
    }

    [Fact]
    public void Templates_reference_only_their_own_resources_and_parameters()
    {
        using var dir = new TempDir();
        var templates = TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(40)), Small);
        foreach (var document in templates.All)
        {
            var known = document.Resources.Select(r => r.LogicalId).Concat(document.Parameters).ToHashSet(StringComparer.Ordinal);
            var references = document.Resources.SelectMany(r => References.In(r.Properties)).Select(r => r.LogicalId)
                .Concat(document.Resources.SelectMany(r => r.DependsOn));
            Assert.All(references, id => Assert.True(known.Contains(id), $"{(document.IsRoot ? "root" : document.Id)} references {id}"));
        }

        // Service stacks read security groups from SecurityGroups stacks and the root, never from each other.
        foreach (var stack in templates.Root.Resources.Where(r => r.Type == "AWS::CloudFormation::Stack"))
        {
            var sources = References.In(stack.Properties).Select(r => r.LogicalId).Where(id => id.StartsWith("ServiceGroup", StringComparison.Ordinal));
            Assert.Empty(sources);
        }
    }

    [Fact]
    public void Adding_a_service_moves_no_other_service_between_nested_stacks()
    {
        using var dir = new TempDir();
        using var other = new TempDir();
        var before = Homes(TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(40, skip: 17)), Small));
        var after = Homes(TemplateBuilder.Build(Synth.Plan(other, GeneratedProject.Yaml(40)), Small));
        Assert.All(before, entry => Assert.Equal(entry.Value, after[entry.Key]));
        Assert.Contains("s0017TaskDefinition", after.Keys);
    }

    [Fact]
    public void A_thousand_services_synthesize_into_nested_stacks_that_pass_cfn_check()
    {
        using var dir = new TempDir();
        var output = Synth.Yaml(dir, GeneratedProject.Yaml(1000));
        var files = Directory.GetFiles(output.Directory, "*.template.json");
        Assert.True(files.Length > 2, $"expected nested templates, got {files.Length}");
        foreach (var file in files)
        {
            var template = new TemplateFile(file);
            Assert.True(template.Resources.Count <= 500, $"{file}: {template.Resources.Count} resources");
            Assert.True(new FileInfo(file).Length <= 1024 * 1024, $"{file}: {new FileInfo(file).Length} bytes");
        }

        var root = new TemplateFile(Path.Combine(output.Directory, "big.template.json"));
        Assert.Null(root.Root["Parameters"]?["BootstrapVersion"]);
        Assert.Null(root.Root["Rules"]);
        Assert.Equal(1000, files.Sum(f => new TemplateFile(f).OfType("AWS::ECS::Service").Count()));
        CfnCheck.AssertPasses(output.Directory);
    }

    private static Dictionary<string, string> Homes(TemplateSet templates) =>
        templates.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, d.Id))).ToDictionary(x => x.LogicalId, x => x.Id);
}
