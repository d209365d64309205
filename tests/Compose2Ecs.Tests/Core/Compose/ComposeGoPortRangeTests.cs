using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>A published host range for one container port, as compose-go's types tests keep it (issue #20, item 9).</summary>
public sealed class ComposeGoPortRangeTests
{
    [Fact]
    public void A_host_range_to_one_container_port_is_kept_as_one_port()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    ports:\n      - \"80-90:8080\"\n      - \"80-82:8081/udp\"\n");

        var loaded = project.Load("compose.yaml");

        Assert.Equal(("8080", "80-90", "tcp"), (TreePath.Text(loaded.Root, "services.web.ports[0].target"), TreePath.Text(loaded.Root, "services.web.ports[0].published"), TreePath.Text(loaded.Root, "services.web.ports[0].protocol")));
        Assert.Equal(("8081", "80-82", "udp"), (TreePath.Text(loaded.Root, "services.web.ports[1].target"), TreePath.Text(loaded.Root, "services.web.ports[1].published"), TreePath.Text(loaded.Root, "services.web.ports[1].protocol")));
        Assert.Null(TreePath.At(loaded.Root, "services.web.ports[2]"));
    }

    [Fact]
    public void Ranges_of_different_lengths_are_still_an_error_at_the_entry()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: x\n    ports:\n      - \"80-90:8080-8081\"\n");

        var error = Assert.Single(project.Errors("compose.yaml"));

        Assert.Equal((5, 9), (error.Location.Line, error.Location.Column));
    }
}
