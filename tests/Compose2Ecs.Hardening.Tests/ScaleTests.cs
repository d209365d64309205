using System.Diagnostics;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;
using Xunit.Abstractions;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// 10,000 services (each calling three others) load, read as a mesh, plan and split into
/// templates within CloudFormation's limits with every backend, within a bound (the CDK stage
/// at this size is measured by the benchmark: docs/benchmarks.md).
/// </summary>
public class ScaleTests(ITestOutputHelper log)
{
    /// <summary>
    /// On the 2-core development machine, a Debug build takes about 4 s to load, 5 s to plan and 4 s to build
    /// the templates per backend; the bounds leave room for a slower machine, not for a return of the superlinear
    /// splitting that took minutes.
    /// </summary>
    private static readonly TimeSpan LoadBound = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan BackendBound = TimeSpan.FromSeconds(60);

    [Fact]
    public void Ten_thousand_services_plan_and_split_within_the_limits_and_bounds_with_every_backend()
    {
        using var dir = new TempDir().With("compose.yaml", GeneratedProject.Yaml(10_000));
        var clock = Stopwatch.StartNew();
        var project = ComposeLoader.Load(new LoadOptions { Files = ["compose.yaml"], WorkingDirectory = dir.Path, Environment = new Dictionary<string, string>() });
        Assert.Equal(10_000, project.Services.Length);
        log.WriteLine($"load: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < LoadBound, $"loading took {clock.Elapsed.TotalSeconds:F0} s");

        foreach (var backend in Matrix.Backends)
        {
            clock.Restart();
            var (plan, _, _) = EcsSynthesis.Plan(project, new SynthOptions { Mesh = backend }, Synth.Backends);
            Assert.Equal(10_000, plan.Services.Length);
            var planned = clock.Elapsed;
            var templates = TemplateBuilder.Build(plan);
            var built = clock.Elapsed - planned;
            log.WriteLine($"{backend}: plan {planned.TotalSeconds:F1} s, templates {built.TotalSeconds:F1} s, {templates.All.Count()} templates");

            Assert.NotEmpty(templates.Nested);
            Assert.Equal(10_000, templates.All.Sum(d => d.Resources.Count(r => r.Type == "AWS::ECS::Service")));
            Assert.Equal(PlanResources.Build(plan).Length, templates.All.Sum(d => d.Resources.Count(r => r.Type != StackResource.Type)));
            TemplateLimits.AssertWithin(templates);
            Assert.True(clock.Elapsed < BackendBound, $"{backend}: planning and building the templates took {clock.Elapsed.TotalSeconds:F0} s");
        }
    }
}
