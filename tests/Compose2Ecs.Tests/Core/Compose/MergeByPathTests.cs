using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>Keys replaced whole on merge are matched by their place in the tree, not by name.</summary>
public sealed class MergeByPathTests
{
    [Fact]
    public void A_service_named_test_merges_key_by_key()
    {
        using var project = new TempProject()
            .With("base.yml", "services:\n  test:\n    image: busybox\n    environment: {A: \"1\"}\n")
            .With("override.yml", "services:\n  test:\n    environment: {B: \"2\"}\n");

        var test = Assert.Single(project.Load("base.yml", "override.yml").Services);

        Assert.Equal("busybox", test.Image);
        Assert.Equal(["A", "B"], test.Environment.Select(v => v.Name).Order());
    }

    [Fact]
    public void Healthcheck_test_and_command_are_still_replaced_whole()
    {
        using var project = new TempProject()
            .With("base.yml", "services:\n  web:\n    image: nginx\n    command: [a, b]\n    healthcheck: {test: [CMD, a]}\n")
            .With("override.yml", "services:\n  web:\n    command: [c]\n    healthcheck: {test: [CMD, b]}\n");

        var web = Assert.Single(project.Load("base.yml", "override.yml").Services);

        Assert.Equal(["c"], web.Command!.Value.ToArray());
        Assert.Equal(["CMD", "b"], web.Healthcheck!.Test.ToArray());
    }
}
