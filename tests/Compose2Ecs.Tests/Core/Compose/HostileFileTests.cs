using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Tests.Support;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Core.Tests.Compose;

/// <summary>Files named by a project that are not regular files must fail at once, located, never hang or read forever.</summary>
public sealed class HostileFileTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public void A_fifo_as_the_dotenv_is_refused_without_blocking()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: nginx\n");
        SpecialFiles.MakeFifo(project.PathOf(".env"));

        var errors = ErrorsWithin(project);

        var error = Assert.Single(errors);
        Assert.EndsWith(".env", error.Location.File, StringComparison.Ordinal);
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_as_env_file_is_refused_at_its_entry(string device)
    {
        using var project = new TempProject().With("compose.yaml", $"services:\n  web:\n    image: nginx\n    env_file: {device}\n");

        var errors = ErrorsWithin(project);

        DiagnosticAssert.Single(errors, 4, 15, "character device");
    }

    [Fact]
    public void A_directory_as_env_file_is_refused_at_its_entry()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: nginx\n    env_file: conf\n");
        Directory.CreateDirectory(project.PathOf("conf"));

        var errors = ErrorsWithin(project);

        Assert.Equal(4, Assert.Single(errors).Location.Line);
    }

    [Fact]
    public void A_fifo_as_an_included_file_is_refused_without_blocking()
    {
        using var project = new TempProject().With("compose.yaml", "include:\n  - other.yaml\nservices:\n  web:\n    image: nginx\n");
        SpecialFiles.MakeFifo(project.PathOf("other.yaml"));

        var errors = ErrorsWithin(project);

        var error = Assert.Single(errors);
        Assert.EndsWith("other.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_extends_file_is_refused()
    {
        using var project = new TempProject().With("compose.yaml",
            "services:\n  web:\n    image: nginx\n    extends:\n      file: /dev/urandom\n      service: base\n");

        var errors = ErrorsWithin(project);

        var error = Assert.Single(errors);
        Assert.Equal("/dev/urandom", error.Location.File);
        Assert.Contains("character device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_located_error_not_a_replacement_character()
    {
        using var project = new TempProject();
        File.WriteAllBytes(project.PathOf("compose.yaml"), [.. "services:\n  web:\n    image: ngi"u8, 0xC3, 0x28, .. "nx\n"u8]);

        var errors = ErrorsWithin(project);

        var error = Assert.Single(errors);
        Assert.Equal("compose.yaml", error.Location.File);
        Assert.Contains("line 3, column 15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_env_file_of_100k_lines_merges_in_linear_time()
    {
        var lines = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"K{i}=v{i}\n"));
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: nginx\n    env_file: big.env\n    environment: {K7: seven}\n")
            .With("big.env", lines);

        var environment = Assert.Single(Within(TimeSpan.FromSeconds(15), () => project.Load()).Services).Environment;

        Assert.Equal(100_000, environment.Length);
        Assert.Equal("seven", Assert.Single(environment, e => e.Name == "K7").Value);
    }

    private static IReadOnlyList<Diagnostic> ErrorsWithin(TempProject project) => Within(Bound, () => project.Errors());

    private static T Within<T>(TimeSpan bound, Func<T> load)
    {
        var task = Task.Run(load);
        Assert.True(task.Wait(bound), "the loader did not return in time");
        return task.Result;
    }
}
