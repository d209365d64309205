using System.Diagnostics;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// 10,000 services load, read as a mesh and plan with every backend, within a bound (the
/// template and CDK stages at large sizes are measured by the benchmark).
/// </summary>
public class ScaleTests
{
    [Fact]
    public void Ten_thousand_services_plan_within_bounds_with_every_backend()
    {
        using var dir = new TempDir().With("compose.yaml", GeneratedProject.Yaml(10_000));
        var clock = Stopwatch.StartNew();
        var project = ComposeLoader.Load(new LoadOptions { Files = ["compose.yaml"], WorkingDirectory = dir.Path, Environment = new Dictionary<string, string>() });
        Assert.Equal(10_000, project.Services.Length);
        foreach (var backend in Matrix.Backends)
        {
            var (plan, _, _) = EcsSynthesis.Plan(project, new SynthOptions { Mesh = backend }, Synth.Backends);
            Assert.Equal(10_000, plan.Services.Length);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"took {clock.Elapsed.TotalSeconds:F0} s");
    }
}
