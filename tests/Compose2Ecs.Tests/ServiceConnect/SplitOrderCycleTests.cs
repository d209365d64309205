using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.ServiceConnect.Tests.Support;

namespace Compose2Ecs.ServiceConnect.Tests;

/// <summary>
/// Two nested stacks whose services call each other's (a1 in one calls b1 in the other, b2 calls a2 back):
/// the start-up orders would make the stacks wait for each other, so the splitter leaves one out with a
/// located warning of its own code (C2E3204), at the caller whose order is dropped.
/// </summary>
public sealed class SplitOrderCycleTests
{
    private const string Compose = """
        services:
          a1: { image: x, expose: ["8080"], x-mesh: { upstreams: [b1] } }
          a2: { image: x, expose: ["8080"] }
          b1: { image: x, expose: ["8080"] }
          b2: { image: x, expose: ["8080"], x-mesh: { upstreams: [a2] } }
        """;

    private const string Layout = "a1 root ServiceGroup0 0\na2 root ServiceGroup0 0\nb1 root ServiceGroup1 0\nb2 root ServiceGroup1 0\n";

    [Fact]
    public void A_start_up_order_that_would_make_two_nested_stacks_wait_for_each_other_is_left_out_with_a_coded_warning()
    {
        var templates = TemplateBuilder.Build(Sc.Plan(Compose), layout: StackLayoutFile.Parse(Layout, "compose2ecs.layout.txt"));
        Assert.Equal(2, templates.Nested.Length);

        var warning = Assert.Single(templates.Warnings, w => w.Code == EcsDiagnosticCodes.SplitOrderCycle);
        Assert.Equal(Severity.Warning, warning.Severity);
        var (line, column) = Sc.Position(Compose, "b2:");
        Assert.Equal((line, column), (warning.Location.Line, warning.Location.Column));
        Assert.EndsWith("compose.yaml", warning.Location.File, StringComparison.Ordinal);
    }
}
