using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>Names AWS would refuse are errors at the service (in validate and synth); names AWS lets us choose are shortened stably.</summary>
public sealed class AwsNameLimitTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("synth")]
    public void A_service_name_longer_than_a_dns_label_is_a_located_error(string command)
    {
        var name = new string('a', 80);
        using var dir = new TempDir().With("compose.yaml", $"services:\n  web:\n    image: web\n  {name}:\n    image: api\n    expose: [\"8080\"]\n");
        var result = command == "synth" ? CliRunner.Run(dir.Path, "synth", "-o", "out") : CliRunner.Run(dir.Path, "validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"compose\.yaml:4:3: error: services\.{name}: .*63.* \[C2E3102\]", result.Error);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Theory]
    [InlineData("Web", "web", "compose.yaml:6:3")]
    [InlineData("a.b", "a-b", "compose.yaml:6:3")]
    public void Services_whose_names_collide_after_sanitising_are_a_located_error_in_validate(string first, string second, string location)
    {
        using var dir = new TempDir().With("compose.yaml", $"services:\n  {first}:\n    image: one\n    expose: [\"80\"]\n    \n  {second}:\n    image: two\n    expose: [\"80\"]\n");
        var result = CliRunner.Run(dir.Path, "validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{location}: error: services.", result.Error, StringComparison.Ordinal);
        Assert.Contains("[C2E3103]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_aws_lets_us_choose_are_shortened_stably_to_their_limits()
    {
        var name = new string('w', 300);
        var compose = $"name: shop\nservices:\n  {name}:\n    image: busybox\n  {name}x:\n    image: busybox\n";
        using var one = new TempDir();
        using var two = new TempDir();
        var plan = Synth.Plan(one, compose);
        var families = plan.Services.Select(s => s.TaskDefinition.Family).ToList();
        Assert.All(families, f => Assert.InRange(f.Length, 1, 255));
        Assert.Equal(2, families.Distinct().Count());
        Assert.Equal(families, Synth.Plan(two, compose).Services.Select(s => s.TaskDefinition.Family));
        Assert.All(plan.Services, s => Assert.InRange(s.AppContainer.Name.Length, 1, 255));
    }
}
