using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Bad input, at every stage, exits 1 with a located error that says what to do, prints no
/// stack trace, and leaves the output folder exactly as it was.
/// </summary>
public class ErrorPathTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        // stage, compose text, a fragment of the expected message
        { "yaml", "services:\n  web: [unclosed\n", "invalid YAML" },
        { "yaml", "services:\n  web: { image: a }\n  web: { image: b }\n", "duplicate key \"web\"" },
        { "interpolation", "services:\n  web:\n    image: \"nginx:${TAG:?set TAG}\"\n", "required variable TAG" },
        { "interpolation", "services:\n  web:\n    image: \"nginx:${\"\n", "invalid interpolation format" },
        { "normalize", "services:\n  web:\n    image: nginx\n    ports: [\"80:99999\"]\n", "port 99999 is out of range 1-65535" },
        { "normalize", "services:\n  web:\n    image: nginx\n    mem_limit: lots\n", "is not a size" },
        { "validate", "services:\n  web:\n    image: nginx\n    depends_on: [db]\n", "no service \"db\"" },
        { "validate", "services:\n  web:\n    environment: { A: b }\n", "neither \"image\" nor \"build\"" },
        { "extends", "services:\n  a: { image: x, extends: b }\n  b: { extends: a }\n", "cycle" },
        { "mesh", "x-mesh: { egress: deny }\nservices:\n  web: { image: nginx, expose: [\"80\"] }\n", "x-mesh.egress" },
        { "mesh", "x-mesh: { routs: {} }\nservices:\n  web: { image: nginx }\n", "did you mean \"routes\"" },
        { "mesh", "services:\n  web:\n    image: nginx\n    expose: [\"80\"]\n    x-mesh: { upstreams: [web] }\n", "itself" },
        { "mesh", "x-mesh:\n  routes:\n    api:\n      rules:\n        - targets: { web: 0 }\nservices:\n  web: { image: nginx, expose: [\"80\"] }\n", "every weight is 0" },
        { "synth", "services:\n  web:\n    build: .\n", "registry" },
        { "synth", "services:\n  web:\n    image: nginx\n    secrets: [key]\nsecrets:\n  key: { file: ./key.txt }\n", "secret" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_refused_with_a_location_and_the_output_folder_is_untouched(string stage, string compose, string expected)
    {
        using var dir = new TempDir().With("compose.yaml", compose);
        var output = dir.Sub("cdk.out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "previous.template.json"), "{}");
        File.WriteAllText(Path.Combine(output, Compose2Ecs.Core.Ecs.Output.AssemblyMarker.FileName), Compose2Ecs.Core.Ecs.Output.AssemblyMarker.Content);

        var result = CliRunner.Run(dir.Path, "synth", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(expected, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"compose\.yaml:\d+:\d+: error: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal([Compose2Ecs.Core.Ecs.Output.AssemblyMarker.FileName, "previous.template.json"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(output, "previous.template.json")));
        _ = stage;
    }
}
