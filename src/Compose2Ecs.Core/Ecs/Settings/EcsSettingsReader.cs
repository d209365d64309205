using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Settings;

/// <summary>
/// Reads the keys of the top-level <c>x-mesh</c> that the ECS base needs, checking each one's
/// type with its location. The rest of <c>x-mesh</c> (routes, gateway, backend sections)
/// belongs to the mesh model and the backends.
/// </summary>
public static partial class EcsSettingsReader
{
    public static EcsSettings Read(ComposeProject project, SynthOptions options, DiagnosticBag diagnostics)
    {
        var mesh = project.Extension("x-mesh") as MappingNode;
        if (project.Extension("x-mesh") is { } node and not MappingNode and not ScalarNode { IsNull: true })
        {
            diagnostics.Error(node.Location, $"x-mesh: must be a mapping, not {node.KindName}");
        }

        var backendNode = mesh?.Find("backend");
        var backend = options.Mesh ?? Text(mesh, "backend", diagnostics) ?? "none";
        var stackName = options.StackName ?? StackNameFrom(project.Name);

        return new EcsSettings
        {
            ProjectName = project.Name,
            StackName = stackName,
            Backend = backend,
            BackendLocation = options.Mesh is null && backendNode is not null ? backendNode.Value.Location : SourceLocation.None,
            Namespace = Namespace(mesh, project.Name, diagnostics),
            Registry = options.Registry ?? Text(mesh, "registry", diagnostics),
            Tag = options.Tag ?? Text(mesh, "tag", diagnostics) ?? "latest",
            Vpc = Vpc(mesh, diagnostics),
            Cluster = Text(mesh, "cluster", diagnostics),
        };
    }

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

    private static string Namespace(MappingNode? mesh, string projectName, DiagnosticBag diagnostics)
    {
        var value = Text(mesh, "namespace", diagnostics);
        if (value is null)
        {
            return projectName.Replace('_', '-') + ".local";
        }

        if (!DnsName().IsMatch(value))
        {
            diagnostics.Error(mesh!["namespace"]!.Location, $"x-mesh.namespace: \"{value}\" is not a DNS name; use labels of letters, digits and '-' separated by dots, such as shop.local");
        }

        return value;
    }

    private static ExistingVpc? Vpc(MappingNode? mesh, DiagnosticBag diagnostics)
    {
        if (mesh?["vpc"] is not { } node || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        if (node is not MappingNode vpc)
        {
            diagnostics.Error(node.Location, $"x-mesh.vpc: must be a mapping with id, private_subnets and public_subnets, not {node.KindName}");
            return null;
        }

        var id = Text(vpc, "id", diagnostics, "x-mesh.vpc.");
        if (id is null)
        {
            diagnostics.Error(vpc.Location, "x-mesh.vpc: id is required (an existing VPC such as vpc-0abc1234); remove x-mesh.vpc to create a VPC instead");
        }

        var privateSubnets = Strings(vpc, "private_subnets", diagnostics);
        if (privateSubnets.IsEmpty)
        {
            diagnostics.Error(vpc.Location, "x-mesh.vpc: private_subnets is required: the subnets tasks run in, such as [subnet-1, subnet-2]");
        }

        return new ExistingVpc(id ?? "", privateSubnets, Strings(vpc, "public_subnets", diagnostics), vpc.Location);
    }

    private static string? Text(MappingNode? map, string key, DiagnosticBag diagnostics, string prefix = "x-mesh.")
    {
        switch (map?[key])
        {
            case null:
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Value.Length: > 0 } scalar:
                return scalar.Value;
            case var other:
                diagnostics.Error(other.Location, $"{prefix}{key}: must be a non-empty string, not {other.KindName}");
                return null;
        }
    }

    private static ImmutableArray<string> Strings(MappingNode map, string key, DiagnosticBag diagnostics)
    {
        switch (map[key])
        {
            case null:
            case ScalarNode { IsNull: true }:
                return [];
            case SequenceNode seq when seq.Items.All(i => i is ScalarNode { IsNull: false, Value.Length: > 0 }):
                return [.. seq.Items.Cast<ScalarNode>().Select(s => s.Value)];
            case var other:
                diagnostics.Error(other.Location, $"x-mesh.vpc.{key}: must be a list of subnet ids, such as [subnet-1, subnet-2]");
                return [];
        }
    }

    [GeneratedRegex("[^A-Za-z0-9-]+")]
    private static partial Regex NotStackChars();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackName();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DnsName();
}
