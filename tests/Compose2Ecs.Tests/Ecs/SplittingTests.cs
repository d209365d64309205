using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
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

    /// <remarks>
    /// The templates as built (synth hands them to the CDK as they are; the two-level test below checks the CDK
    /// writes them so). The CDK's own parts of a split assembly (no bootstrap version) are checked there.
    /// </remarks>
    [Fact]
    public void Hundreds_of_services_build_into_nested_stacks_that_pass_cfn_check()
    {
        // About ten service stacks at the quick depth; 1,000 services at the full depth (TestDepth).
        var count = TestDepth.Pick(quick: 400, full: 1000);
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, GeneratedProject.Yaml(count));
        var files = Directory.GetFiles(output.WriteTo(dir.Sub("out")), "*.template.json");
        Assert.True(files.Length > 2, $"expected nested templates, got {files.Length}");
        foreach (var file in files)
        {
            var template = new TemplateFile(file);
            Assert.True(template.Resources.Count <= 500, $"{file}: {template.Resources.Count} resources");
            Assert.True(new FileInfo(file).Length <= 1024 * 1024, $"{file}: {new FileInfo(file).Length} bytes");
        }

        Assert.Equal(count, files.Sum(f => new TemplateFile(f).OfType("AWS::ECS::Service").Count()));
        CfnCheck.AssertPasses(dir.Sub("out"));
    }

    [Fact]
    public void A_dense_graph_of_2000_services_splits_with_every_template_within_the_limits()
    {
        // Each service calls the one before it, the one 37 before and the one at half its number: over
        // 2000 services every service stack names the security groups of ~150 services in other stacks.
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(2000));
        var templates = TemplateBuilder.Build(plan);
        TemplateLimits.AssertWithin(templates);
        Assert.Equal(2000, templates.All.Sum(d => d.Resources.Count(r => r.Type == "AWS::ECS::Service")));
        var services = templates.Nested.Where(d => d.Id.StartsWith("ServiceGroup", StringComparison.Ordinal)).ToList();
        Assert.True(services.Max(d => d.Parameters.Length) <= 60, $"{services.Max(d => d.Parameters.Length)} parameters");

        // Security-group ids arrive many to a parameter, read by index.
        var lists = services.SelectMany(d => d.ListParameters).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, p => Assert.Matches("^SecurityGroups[0-9]+Ids[0-9]+$", p));
        var json = TemplateJson.Write(TemplateJson.ToObject(services[0]));
        Assert.Contains("\"CommaDelimitedList\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Fn::Select\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_group_ids_share_list_parameters_in_chunks_that_fit_one_parameter_value()
    {
        using var dir = new TempDir();
        var limits = Small with { MaxParameterBytes = 200 };
        var templates = TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(40)), limits);
        TemplateLimits.AssertWithin(templates, limits);
        Assert.Equal(8, limits.IdsPerList);
        var chunks = templates.Nested.Where(d => d.Id.StartsWith("SecurityGroups", StringComparison.Ordinal))
            .SelectMany(d => d.Outputs.Select(o => o.LogicalId)).Where(o => o.Contains("Ids", StringComparison.Ordinal)).ToList();
        Assert.Contains(chunks, c => c.EndsWith("Ids1", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_the_roots_limits_a_middle_level_of_stacks_holds_the_service_stacks()
    {
        using var dir = new TempDir();
        var limits = new SplitLimits { MaxResources = 40 };
        var templates = TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(200)), limits);
        TemplateLimits.AssertWithin(templates, limits);

        var middles = templates.Nested.Where(d => d.Id.StartsWith("Services", StringComparison.Ordinal) && !d.Id.StartsWith("ServiceGroup", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(middles);
        Assert.All(middles, m => Assert.Equal("", m.Parent));
        var level = (int)Math.Log2(middles.Count);
        foreach (var stack in templates.Nested.Where(d => d.Id.StartsWith("ServiceGroup", StringComparison.Ordinal)))
        {
            // ServiceGroup{b} sits in Services{m}, m the low bits of b: a stack keeps its parent as others come and go.
            Assert.Equal($"Services{stack.Bucket!.Index & ((1 << level) - 1)}", stack.Parent);
        }

        Assert.All(templates.Nested.Where(d => d.Id.StartsWith("SecurityGroups", StringComparison.Ordinal)), d => Assert.Equal("", d.Parent));
    }

    /// <summary>Through the CDK: it writes every nested template as built, adds no bootstrap version, and the assembly passes cfn-check.</summary>
    [Fact]
    public void A_two_level_tree_of_nested_stacks_synthesizes_through_the_cdk_and_passes_cfn_check()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", GeneratedProject.Yaml(100));
        var options = new Compose2Ecs.Core.Ecs.SynthOptions { OutputDirectory = dir.Sub("out") };
        var input = Compose2Ecs.Core.Ecs.EcsSynthesis.Build(Synth.Load(dir.Path, "compose.yaml"), options, Synth.Backends);
        input = input with { Templates = TemplateBuilder.Build(input.Plan, new SplitLimits { MaxResources = 40 }) };
        var (plan, templates) = (input.Plan, input.Templates);
        Assert.Contains(templates.Nested, d => d.Parent is { Length: > 0 });

        var result = Compose2Ecs.Core.Ecs.EcsSynthesis.Write(plan, templates, options);
        CdkOutput.AssertHolds(result.OutputDirectory, new PureSynth.Output(input));
        var root = new TemplateFile(Path.Combine(result.OutputDirectory, "big.template.json"));
        Assert.Null(root.Root["Parameters"]?["BootstrapVersion"]);
        Assert.Null(root.Root["Rules"]);
        var files = Directory.GetFiles(result.OutputDirectory, "*.template.json");
        Assert.Equal(templates.All.Count(), files.Length);
        Assert.Equal(100, files.Sum(f => new TemplateFile(f).OfType("AWS::ECS::Service").Count()));
        foreach (var file in files)
        {
            var template = new TemplateFile(file);
            Assert.True((template.Root["Parameters"]?.AsObject().Count ?? 0) <= 200, file);
            Assert.True((template.Root["Outputs"]?.AsObject().Count ?? 0) <= 200, file);
        }

        CfnCheck.AssertPasses(result.OutputDirectory);
    }

    [Fact]
    public void Past_the_roots_output_limit_each_service_keeps_its_outputs_in_its_own_stack()
    {
        using var dir = new TempDir();
        var limits = Small with { MaxOutputs = 3 };
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(40));
        var templates = TemplateBuilder.Build(plan, limits);
        TemplateLimits.AssertWithin(templates, limits);
        Assert.Empty(templates.Root.Outputs);
        Assert.Contains(templates.Warnings, w => w.Message.Contains("more than CloudFormation allows in one template (3)", StringComparison.Ordinal));
        foreach (var output in plan.Outputs)
        {
            var holder = Assert.Single(templates.Nested, d => d.Outputs.Any(o => o.LogicalId == output.LogicalId));
            Assert.Same(holder, templates.Holding(References.In(output.Value).First().LogicalId));
        }
    }

    [Fact]
    public void Counted_sizes_equal_the_written_templates()
    {
        using var dir = new TempDir();
        var compose = GeneratedProject.Yaml(40).Replace("expose: [\"8080\"]\n", "expose: [\"8080\"]\n    environment: {GREETING: \"grüß \\\"dich\\\"\\tµ\"}\n", StringComparison.Ordinal);
        var templates = TemplateBuilder.Build(Synth.Plan(dir, compose), Small);
        Assert.Contains("grüß", TemplateJson.Write(TemplateJson.ToObject(templates.Nested[^1])), StringComparison.Ordinal);
        foreach (var document in templates.All)
        {
            var stacks = document.Resources.Count(r => r.Type == StackResource.Type);
            Assert.Equal(TemplateJson.Size(document), TemplateSize.Of(document) - stacks * TemplateSize.CdkStackOverhead);
        }
    }

    [Fact]
    public void Adding_a_service_to_a_dense_application_moves_only_services_of_a_stack_that_had_to_split()
    {
        using var dir = new TempDir();
        using var other = new TempDir();
        var before = TemplateBuilder.Build(Synth.Plan(dir, GeneratedProject.Yaml(1500, skip: 777)));
        var after = TemplateBuilder.Build(Synth.Plan(other, GeneratedProject.Yaml(1500)));
        var homesAfter = Homes(after);
        var moved = Homes(before).Where(e => !IsStack(e.Key, before) && e.Value != homesAfter[e.Key]).Select(e => e.Value).ToHashSet();

        // Only the stacks that take s0777 may have had to split (their services then go to their two halves).
        var hash = StackSplitter.Hash("s0777");
        var mayMove = before.Nested.Where(d => d.Bucket is { } b && b.Holds(hash)).Select(d => d.Id).ToHashSet();
        Assert.True(moved.IsSubsetOf(mayMove), $"services moved out of {string.Join(", ", moved)}; only {string.Join(", ", mayMove)} could split");
    }

    [Fact]
    public void Every_depends_on_across_stacks_is_kept_as_an_order_between_stacks_or_reported()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(40));
        var templates = TemplateBuilder.Build(plan, Small);
        var home = Homes(templates);
        var order = StackOrderIn(templates.Root);
        foreach (var service in plan.Services)
        {
            var id = service.Ids.EcsService;
            foreach (var callee in service.EcsService.DependsOnServices.Select(c => plan.Service(c).Ids.EcsService))
            {
                var (from, to) = (home[id], home[callee]);
                var kept = from == to
                    ? templates.All.Single(d => d.Id == from).Resources.Single(r => r.LogicalId == id).DependsOn.Contains(callee)
                    : Reaches(order, from, to);
                var reported = templates.Warnings.Any(w => w.Message.EndsWith($"{id} is not ordered after {callee}", StringComparison.Ordinal));
                Assert.True(kept != reported, $"{id} after {callee}: kept {kept}, reported {reported}");
            }
        }

        Assert.Contains(templates.Warnings, w => w.Code == EcsDiagnosticCodes.SplitOrderCycle);
        Assert.All(order.Keys, stack => Assert.False(Reaches(order, stack, stack), $"{stack} depends on itself"));
    }

    [Fact]
    public void A_reference_inside_Fn_Sub_to_another_stacks_security_group_reads_its_list_through_a_variable()
    {
        using var dir = new TempDir();
        var plan = Synth.Plan(dir, GeneratedProject.Yaml(40));
        var note = new TemplateResource("s0003Note", "AWS::SSM::Parameter", new CfnMapBuilder()
            .Add("Type", "String")
            .Add("Value", CfnValue.Sub("${s0017SecurityGroup.GroupId} in ${AWS::Region}"))
            .Build()) { Owner = "s0003" };
        var templates = TemplateBuilder.Build(plan.AddResources(note), Small);
        TemplateLimits.AssertWithin(templates, Small);

        var wired = templates.Nested.SelectMany(d => d.Resources).Single(r => r.LogicalId == "s0003Note");
        var sub = Assert.IsType<CfnFunction>(wired.Properties["Value"]);
        var parts = Assert.IsType<CfnList>(sub.Argument);
        Assert.Equal("${s0017SecurityGroupGroupId} in ${AWS::Region}", Assert.IsType<CfnString>(parts.Items[0]).Value);
        var select = Assert.IsType<CfnFunction>(Assert.IsType<CfnMap>(parts.Items[1])["s0017SecurityGroupGroupId"]);
        Assert.Equal("Fn::Select", select.Name);
    }

    /// <summary>Which root-level stacks each root-level stack is created after: its DependsOn and the stacks its parameters read.</summary>
    private static Dictionary<string, HashSet<string>> StackOrderIn(TemplateDocument root)
    {
        var stacks = root.Resources.Where(r => r.Type == StackResource.Type).ToList();
        var ids = stacks.Select(s => s.LogicalId).ToHashSet();
        return stacks.ToDictionary(s => s.LogicalId, s => s.DependsOn.Concat(References.In(s.Properties).Select(r => r.LogicalId)).Where(ids.Contains).ToHashSet());
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> order, string from, string to)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>(order[from]);
        while (pending.TryPop(out var current))
        {
            if (current == to)
            {
                return true;
            }

            if (seen.Add(current))
            {
                foreach (var next in order[current])
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    private static bool IsStack(string id, TemplateSet templates) => templates.Nested.Any(d => d.Id == id);

    private static Dictionary<string, string> Homes(TemplateSet templates) =>
        templates.All.SelectMany(d => d.Resources.Select(r => (r.LogicalId, d.Id))).ToDictionary(x => x.LogicalId, x => x.Id);
}
