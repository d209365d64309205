using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Settings;

/// <summary>
/// The settings the ECS base needs, from the command line and the mesh model (which read
/// and checked <c>x-mesh</c>): the CLI wins, then x-mesh, then the defaults.
/// </summary>
public static partial class EcsSettingsReader
{
    public static EcsSettings Read(ComposeProject project, MeshModel mesh, SynthOptions options) => new()
    {
        ProjectName = project.Name,
        StackName = options.StackName ?? StackNameFrom(project.Name),
        Backend = mesh.Backend,
        BackendLocation = mesh.BackendLocation,
        Namespace = mesh.Namespace,
        Registry = options.Registry ?? mesh.Registry,
        Tag = options.Tag ?? mesh.Tag,
        Vpc = mesh.Vpc,
        Cluster = mesh.Cluster,
        DeclaredProtocols = DeclaredProtocols(mesh),
    };

    /// <summary>Only a written protocol is evidence: the model's default (by port) is a guess the load balancer rules make on their own.</summary>
    private static ImmutableDictionary<string, DeclaredProtocol> DeclaredProtocols(MeshModel mesh) =>
        mesh.Services
            .Where(s => s.Listener is not null && mesh.KeyLocations.ContainsKey($"services.{s.Name}.x-mesh.protocol"))
            .ToImmutableDictionary(s => s.Name, s => new DeclaredProtocol(s.Listener!.Port, s.Listener.Protocol == MeshProtocol.Http), StringComparer.Ordinal);

    /// <summary>A CloudFormation stack name from a compose project name: letters, digits and '-', starting with a letter.</summary>
    public static string StackNameFrom(string projectName)
    {
        var name = NotStackChars().Replace(projectName, "-").Trim('-');
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            name = "stack-" + name;
        }

        return name.Length > 128 ? name[..128].TrimEnd('-') : name;
    }

    /// <summary>True when CloudFormation accepts <paramref name="name"/> as a stack name.</summary>
    public static bool IsValidStackName(string name) => StackName().IsMatch(name);

    [GeneratedRegex("[^A-Za-z0-9-]+")]
    private static partial Regex NotStackChars();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackName();
}
