using System.CommandLine;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli;

/// <summary><c>--mesh BACKEND</c>, shared by every command that reads the mesh; it wins over <c>x-mesh.backend</c>.</summary>
public sealed class MeshOption
{
    public MeshOption(MeshBackendRegistry backends)
    {
        Option = new Option<string?>("--mesh")
        {
            Description = "Mesh backend, overriding x-mesh.backend (default: x-mesh.backend, else none). "
                + "With a backend other than none, a file without x-mesh still becomes a mesh. Backends: "
                + string.Join("; ", backends.All.Select(b => $"{b.Name}: {b.Description}")),
            HelpName = string.Join("|", Names(backends)),
        };
        Option.AcceptOnlyFromAmong([.. Names(backends)]);
    }

    public Option<string?> Option { get; }

    /// <summary>The registered backends (validate checks a mesh for any of them).</summary>
    private static IEnumerable<string> Names(MeshBackendRegistry backends) => backends.Names.Order(StringComparer.Ordinal);

    public void AddTo(Command command) => command.Options.Add(Option);

    /// <summary>The backend given, or null when <c>--mesh</c> is absent (the file's <c>x-mesh.backend</c> decides).</summary>
    public string? Read(ParseResult result) => result.GetValue(Option);
}
