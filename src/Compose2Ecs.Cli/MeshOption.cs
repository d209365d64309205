using System.CommandLine;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Cli;

/// <summary><c>--mesh BACKEND</c>, shared by every command that reads the mesh; it wins over <c>x-mesh.backend</c>.</summary>
public sealed class MeshOption
{
    public Option<string?> Option { get; } = CreateOption();

    public void AddTo(Command command) => command.Options.Add(Option);

    /// <summary>The backend given, or null when <c>--mesh</c> is absent (the file's <c>x-mesh.backend</c> decides).</summary>
    public string? Read(ParseResult result) => result.GetValue(Option);

    private static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--mesh")
        {
            Description = "Mesh backend; overrides x-mesh.backend. With a backend other than none, a file without x-mesh still becomes a mesh",
            HelpName = string.Join("|", MeshBackends.All),
        };
        option.AcceptOnlyFromAmong([.. MeshBackends.All]);
        return option;
    }
}
