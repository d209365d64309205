using System.Diagnostics;
using System.Text;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>depends_on checks as compose-go's (issue #20): cycles, and a dependency defined nowhere.</summary>
public sealed class ComposeGoDependencyTests
{
    [Fact]
    public void A_cycle_is_an_error_with_its_code_at_the_service_that_starts_it()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  a: { image: x, depends_on: [b] }\n  b: { image: x, depends_on: [c] }\n  c: { image: x, depends_on: [a] }\n");

        var error = Assert.Single(project.Errors());

        Assert.Equal((ComposeDiagnosticCodes.Dependency, 2, 3), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void An_optional_dependency_on_a_service_defined_nowhere_is_an_error()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    depends_on:\n      other: {condition: service_started, required: false}\n");

        var error = Assert.Single(project.Errors());

        Assert.Equal((ComposeDiagnosticCodes.Dependency, 5, 7), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void An_optional_dependency_on_a_profile_disabled_service_is_dropped()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    depends_on:\n      debug: {condition: service_started, required: false}\n  debug: {image: y, profiles: [debug]}\n");

        var web = Assert.Single(project.Load().Services);

        Assert.Empty(web.DependsOn);
    }

    [Fact]
    public void A_long_dependency_chain_closing_in_a_cycle_is_one_error()
    {
        var yaml = new StringBuilder("services:\n");
        for (var i = 0; i < 3_000; i++)
        {
            yaml.Append("  s").Append(i).Append(": { image: x").Append(i < 2_999 ? $", depends_on: [s{i + 1}]" : ", depends_on: [s0]").Append(" }\n");
        }

        using var project = new TempProject().With("compose.yaml", yaml.ToString());
        var clock = Stopwatch.StartNew();

        var error = Assert.Single(project.Errors());

        Assert.Equal((ComposeDiagnosticCodes.Dependency, 2), (error.Code, error.Location.Line));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
