namespace Compose2Ecs.Core.Ecs;

/// <summary>What the user chose on the command line for <c>synth</c>; null means "not given".</summary>
public sealed record SynthOptions
{
    /// <summary><c>--mesh</c>: wins over <c>x-mesh.backend</c>; neither given: <c>none</c>.</summary>
    public string? Mesh { get; init; }

    /// <summary><c>--stack-name</c>; default: the project name.</summary>
    public string? StackName { get; init; }

    /// <summary><c>--registry</c>: images of build-only services are <c>&lt;registry&gt;/&lt;service&gt;:&lt;tag&gt;</c>. Wins over <c>x-mesh.registry</c>.</summary>
    public string? Registry { get; init; }

    /// <summary><c>--tag</c>; wins over <c>x-mesh.tag</c>; default <c>latest</c>.</summary>
    public string? Tag { get; init; }

    /// <summary><c>-o</c>: the cloud assembly directory.</summary>
    public string OutputDirectory { get; init; } = "cdk.out";

    /// <summary>Also write <c>.template.yaml</c> files.</summary>
    public bool Yaml { get; init; }

    /// <summary>The stack layout read from the layout file: each service it places stays in its template (null: computed from the names).</summary>
    public Templates.StackLayout? Layout { get; init; }
}
