using System.Diagnostics;
using System.Text;
using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Core.Yaml;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>
/// Hostile input stays bounded (issue #20): a located error, fast, instead of a stack
/// overflow or memory exhaustion. The time bounds are generous (a loaded CI machine); the
/// unbounded code took minutes or crashed.
/// </summary>
public class HostileInputBoundsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static IReadOnlyList<Compose2Ecs.Core.Diagnostics.Diagnostic> TimedErrors(TempProject project)
    {
        var clock = Stopwatch.StartNew();
        var errors = project.Errors();
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        return errors;
    }

    [Fact]
    public void Interpolation_nested_20k_deep_is_a_located_error_not_a_stack_overflow()
    {
        var nested = string.Concat(Enumerable.Repeat("${A:-", 20_000)) + "x" + new string('}', 20_000);
        using var project = new TempProject().With("compose.yaml", $"services:\n  web:\n    image: x\n    environment:\n      X: \"{nested}\"\n");
        var error = Assert.Single(TimedErrors(project));
        Assert.Equal((ComposeDiagnosticCodes.InputBound, 5, 10), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_dotenv_that_doubles_a_variable_per_line_stops_at_the_value_cap()
    {
        var dotenv = new StringBuilder("A=x\n");
        for (var i = 0; i < 100; i++)
        {
            dotenv.Append("A=${A}${A}\n");
        }

        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n").With(".env", dotenv.ToString());
        var errors = TimedErrors(project);
        Assert.All(errors, e => Assert.Equal(ComposeDiagnosticCodes.InputBound, e.Code));
        Assert.Equal(".env", Path.GetFileName(errors[0].Location.File));
        Assert.True(errors[0].Location.Line > 1);
    }

    [Fact]
    public void An_alias_fan_out_of_a_large_value_stops_at_the_total_cap()
    {
        var dotenv = new StringBuilder("A=x\n");
        for (var i = 0; i < 19; i++)
        {
            dotenv.Append("A=${A}${A}\n"); // 512 KiB, under the value cap
        }

        var aliases = string.Join(", ", Enumerable.Repeat("*a", 400));
        using var project = new TempProject()
            .With("compose.yaml", $"x-a: &a \"${{A}}\"\nx-fan: [{aliases}]\nservices:\n  web:\n    image: x\n")
            .With(".env", dotenv.ToString());
        var error = Assert.Single(TimedErrors(project));
        // Located at the anchored value the aliases repeat.
        Assert.Equal((ComposeDiagnosticCodes.InputBound, 1), (error.Code, error.Location.Line));
    }

    [Fact]
    public void An_extends_chain_of_thousands_of_services_is_one_located_error()
    {
        // The chain limit is 64, so any longer chain shows the bound; 20,000 at the full depth (TestDepth).
        var length = TestDepth.Pick(quick: 2_000, full: 20_000);
        var yaml = new StringBuilder("services:\n");
        for (var i = 0; i < length; i++)
        {
            yaml.Append($"  s{i}:\n    image: x\n    extends: s{i + 1}\n");
        }

        yaml.Append($"  s{length}:\n    image: x\n");
        using var project = new TempProject().With("compose.yaml", yaml.ToString());
        var error = Assert.Single(TimedErrors(project));
        Assert.Equal(ComposeDiagnosticCodes.InputBound, error.Code);
        Assert.True(error.Location.Line > 0);
    }

    [Fact]
    public void Two_thousand_services_extending_a_broken_service_report_it_once()
    {
        var yaml = new StringBuilder("services:\n  s0:\n    image: x\n    extends: s0\n");
        for (var i = 1; i <= 2_000; i++)
        {
            yaml.Append($"  s{i}:\n    image: x\n    extends: s0\n");
        }

        using var project = new TempProject().With("compose.yaml", yaml.ToString());
        var error = Assert.Single(TimedErrors(project));
        Assert.Equal((ComposeDiagnosticCodes.Extends, 4, 5), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("!!python/object:os.system")]
    [InlineData("!custom")]
    public void An_unknown_yaml_tag_is_a_located_error(string tag)
    {
        using var project = new TempProject().With("compose.yaml", $"services:\n  web:\n    image: {tag} x\n");
        var error = Assert.Single(TimedErrors(project));
        Assert.Equal((ComposeDiagnosticCodes.UnknownTag, 3, 12), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Config_output_with_line_separators_reads_back()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    labels:\n      a: \"one\\u2028two\\u2029three\\x85four\"\n");
        var loaded = project.Load();
        var written = NodeWriter.ToYaml(loaded.Root);
        var reloaded = ComposeLoader.Load(new LoadOptions
        {
            Texts = [new ComposeText("again.yaml", written)],
            WorkingDirectory = project.Directory,
            Environment = new Dictionary<string, string>(),
        });
        Assert.Equal("one\u2028two\u2029three\u0085four", TreePath.Text(reloaded.Root, "services.web.labels.a"));
    }
}
