using Compose2Ecs.Core.Compose;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Tests.Support;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>Compose text loaded without a file on disk (LoadOptions.Texts).</summary>
public sealed class TextLoadingTests
{
    [Fact]
    public void Texts_are_layered_in_order_without_files_on_disk()
    {
        using var project = new TempProject();
        var loaded = ComposeLoader.Load(new LoadOptions
        {
            Texts =
            [
                new ComposeText("compose.yaml", "services:\n  web:\n    image: nginx\n    environment: {A: \"1\"}\n"),
                new ComposeText("override.yaml", "services:\n  web:\n    image: httpd\n"),
            ],
            WorkingDirectory = project.Directory,
            Environment = new Dictionary<string, string>(),
        });

        var web = Assert.Single(loaded.Services);
        Assert.Equal("httpd", web.Image);
        Assert.False(File.Exists(project.PathOf("compose.yaml")));
    }

    [Fact]
    public void An_error_in_text_is_located_by_the_given_name()
    {
        using var project = new TempProject();
        var e = Assert.Throws<InvalidInputException>(() => ComposeLoader.Load(new LoadOptions
        {
            Texts = [new ComposeText("given.yaml", "services:\n  web:\n    image: nginx\n    init: maybe\n")],
            WorkingDirectory = project.Directory,
            Environment = new Dictionary<string, string>(),
        }));

        var error = Assert.Single(e.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("given.yaml", error.Location.File);
        Assert.Equal(4, error.Location.Line);
    }
}
