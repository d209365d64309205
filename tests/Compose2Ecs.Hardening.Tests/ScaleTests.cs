using System.Diagnostics;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// 10,000 services load, read as a mesh and plan with every backend, within a bound (the
/// template and CDK stages at large sizes are measured by the benchmark).
/// </summary>
public class ScaleTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public void Ten_thousand_services_plan_within_bounds_with_every_backend()
    {
        // The override names Consul servers, which the consul backend needs; the others ignore them.
        using var dir = new TempDir()
            .With("compose.yaml", GeneratedProject.Yaml(10_000))
            .With("servers.yaml", "x-mesh:\n  consul:\n    servers: { hosts: consul.internal }\n    config_entries: files\n");
        var clock = Stopwatch.StartNew();
        var project = ComposeLoader.Load(new LoadOptions { Files = ["compose.yaml", "servers.yaml"], WorkingDirectory = dir.Path, Environment = new Dictionary<string, string>() });
        Assert.Equal(10_000, project.Services.Length);
        foreach (var backend in Matrix.Backends)
        {
            var started = clock.Elapsed;
            var (plan, _, _) = EcsSynthesis.Plan(project, new SynthOptions { Mesh = backend }, Synth.Backends);
            Assert.Equal(10_000, plan.Services.Length);
            log.WriteLine($"{backend}: {(clock.Elapsed - started).TotalSeconds:F1} s");
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"took {clock.Elapsed.TotalSeconds:F0} s");
    }
}
