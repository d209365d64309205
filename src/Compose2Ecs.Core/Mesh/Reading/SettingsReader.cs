using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads the top-level scalars and small sections of <c>x-mesh</c> (§1): backend, name,
/// namespace, egress, registry, tag, vpc, cluster, tls, and each registered backend's own
/// section through the backend's reader (<see cref="MeshBackendSpec.Section"/>). Returns a
/// model with no services yet.
/// </summary>
internal sealed partial class SettingsReader(NodeReader fields)
{
    private static readonly Dictionary<string, EgressMode> EgressModes = new(StringComparer.Ordinal)
    {
        ["drop_all"] = EgressMode.DropAll,
        ["allow_all"] = EgressMode.AllowAll,
    };

    private static readonly Dictionary<string, TlsMode> TlsModes = new(StringComparer.Ordinal)
    {
        ["strict"] = TlsMode.Strict,
        ["permissive"] = TlsMode.Permissive,
        ["disabled"] = TlsMode.Disabled,
    };

    /// <param name="backends">The registered backends; their names are the ones accepted, their sections the ones read.</param>
    public MeshModel Read(string projectName, MappingNode? mesh, SourceLocation meshLocation, string? backendOverride, bool isEnabled, IReadOnlyList<MeshBackendSpec> backends)
    {
        var sections = backends.Select(b => b.Section).OfType<MeshSection>().ToList();
        if (mesh is not null)
        {
            fields.KnownKeys(mesh, "x-mesh", [.. MeshKeys.TopLevel, .. sections.Select(s => s.Key)]);
            IgnoredWarnings.Check(mesh.Find(IgnoredWarnings.Key), fields.Diagnostics);
        }

        // "none" last: the order the names are offered in messages.
        var known = backends.Select(b => b.Name).Where(n => n != MeshBackends.None).Append(MeshBackends.None).ToList();
        var (backend, backendLocation) = Backend(mesh, backendOverride, known);
        var spec = backends.FirstOrDefault(b => b.Name == backend) ?? new MeshBackendSpec(backend);
        var name = Value(mesh, "name", (n, p) => fields.Text(n, p)) ?? projectName;
        if (mesh?.Find("name") is { } nameEntry && !MeshName().IsMatch(name))
        {
            fields.Error(nameEntry.Value.Location, MeshDiagnosticCodes.InvalidName, "x-mesh.name", $"\"{name}\" is not a valid mesh name; use letters, digits, '-' and '_' (at most 255)");
        }

        var ns = Value(mesh, "namespace", (n, p) => fields.Text(n, p)) ?? DefaultNamespace(projectName);
        if (mesh?.Find("namespace") is { } nsEntry && !DnsName().IsMatch(ns))
        {
            fields.Error(nsEntry.Value.Location, MeshDiagnosticCodes.InvalidName, "x-mesh.namespace", $"\"{ns}\" is not a valid DNS name; use dot-separated labels of letters, digits and '-', such as shop.local");
        }

        return new MeshModel
        {
            ProjectName = projectName,
            Backend = backend,
            BackendLocation = backendLocation,
            IsEnabled = isEnabled,
            Location = meshLocation,
            Name = name,
            Namespace = ns,
            Egress = Value(mesh, "egress", (n, p) => fields.Choice(n, p, EgressModes)) ?? EgressMode.DropAll,
            EgressLocation = mesh?.Find("egress")?.Value.Location ?? SourceLocation.None,
            Tls = Tls(mesh?.Find("tls"), spec.DefaultTlsMode),
            Registry = Value(mesh, "registry", (n, p) => fields.Text(n, p)),
            Tag = Value(mesh, "tag", (n, p) => fields.Text(n, p)) ?? "latest",
            Vpc = mesh?.Find("vpc") is { } vpc ? Vpc(vpc) : null,
            Cluster = Value(mesh, "cluster", ClusterName),
            DialsUpstreamsOnLocalhost = spec.DialsUpstreamsOnLocalhost,
            BackendSettings = sections.ToImmutableDictionary(
                s => s.SettingsType,
                s => s.Read(new MeshSectionInput(fields, mesh?.Find(s.Key), s.Path, s == spec.Section, projectName, meshLocation))),
        };
    }

    /// <summary><c>&lt;project&gt;.local</c>; compose allows '_' in project names, DNS does not, so it becomes '-'.</summary>
    public static string DefaultNamespace(string projectName) => $"{projectName.Replace('_', '-')}.local";

    private (string Backend, SourceLocation Location) Backend(MappingNode? mesh, string? backendOverride, IReadOnlyCollection<string> known)
    {
        var fromFile = mesh?.Find("backend") is { } entry ? fields.Word(entry.Value, "x-mesh.backend", known) : null;
        if (backendOverride is not null)
        {
            if (!known.Contains(backendOverride))
            {
                fields.Diagnostics.Error(SourceLocation.None, MeshDiagnosticCodes.NotAChoice,
                    $"--mesh: \"{backendOverride}\" is not a backend; use one of {string.Join(" | ", known)}{Suggest.DidYouMean(backendOverride, known)}");
                return (MeshBackends.None, SourceLocation.None);
            }

            return (backendOverride, SourceLocation.None);
        }

        return fromFile is { } backend ? (backend, mesh!.Find("backend")!.Value.Location) : (MeshBackends.None, SourceLocation.None);
    }

    private MeshTls Tls(MappingEntry? entry, TlsMode defaultMode)
    {
        if (entry is null || fields.Mapping(entry.Value, "x-mesh.tls") is not { } tls)
        {
            return new MeshTls(defaultMode, null, entry?.Key.Location ?? SourceLocation.None);
        }

        fields.KnownKeys(tls, "x-mesh.tls", MeshKeys.Tls);
        var mode = tls["mode"] is { } modeNode ? fields.Choice(modeNode, "x-mesh.tls.mode", TlsModes) : null;
        return new MeshTls(mode ?? defaultMode, tls["acm_pca_arn"] is { } arn ? fields.Text(arn, "x-mesh.tls.acm_pca_arn") : null, entry.Key.Location)
        {
            IsModeExplicit = mode is not null,
            ModeLocation = tls.Find("mode")?.Value.Location ?? SourceLocation.None,
        };
    }

    /// <summary>
    /// An id of AWS's form: <c>vpc-</c> or <c>subnet-</c> and 8 (older) or 17 lowercase hexadecimal
    /// digits. CloudFormation would take any string and fail minutes into the deployment.
    /// </summary>
    private void CheckId(Node? node, string? id, string path, string prefix)
    {
        if (node is null || id is null || AwsIds.IsValid(id, prefix))
        {
            return;
        }

        fields.Error(node.Location, MeshDiagnosticCodes.InvalidAwsId, path,
            $"\"{id}\" is not a {(prefix == "vpc" ? "VPC" : "subnet")} id; write {prefix}- and its 8 or 17 hexadecimal digits ({prefix}-0123456789abcdef0), as the VPC console shows it");
    }

    private VpcSettings? Vpc(MappingEntry entry)
    {
        if (fields.Mapping(entry.Value, "x-mesh.vpc") is not { } vpc)
        {
            return null;
        }

        fields.KnownKeys(vpc, "x-mesh.vpc", MeshKeys.Vpc);
        var id = vpc["id"] is { } idNode ? fields.Text(idNode, "x-mesh.vpc.id") : null;
        if (id is null && !vpc.Contains("id"))
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.MissingKey, "x-mesh.vpc", "id is required; name the existing VPC (vpc-...), or remove vpc to create one");
        }

        var privateSubnets = vpc["private_subnets"] is { } p ? fields.StringList(p, "x-mesh.vpc.private_subnets") ?? [] : [];
        if (privateSubnets.IsEmpty && vpc["private_subnets"] is null)
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.MissingKey, "x-mesh.vpc", "private_subnets is required with an existing VPC; list the subnets the tasks run in");
        }

        var publicSubnets = vpc["public_subnets"] is { } q ? fields.StringList(q, "x-mesh.vpc.public_subnets") ?? [] : [];
        CheckId(vpc["id"], id, "x-mesh.vpc.id", "vpc");
        foreach (var key in new[] { "private_subnets", "public_subnets" })
        {
            if (vpc[key] is SequenceNode subnets)
            {
                for (var i = 0; i < subnets.Items.Length; i++)
                {
                    CheckId(subnets.Items[i], (subnets.Items[i] as ScalarNode)?.Value, $"x-mesh.vpc.{key}[{i}]", "subnet");
                }
            }
        }

        return new VpcSettings(id ?? "", privateSubnets, publicSubnets, entry.Key.Location);
    }

    /// <summary>An existing ECS cluster, by name or ARN. It reaches IAM ARNs (inside Fn::Sub), so only what ECS allows passes.</summary>
    private string? ClusterName(Node node, string path)
    {
        var text = fields.Text(node, path);
        if (text is not null && !MeshName().IsMatch(text) && !ClusterArn().IsMatch(text))
        {
            fields.Diagnostics.Error(node.Location, Ecs.Planning.EcsDiagnosticCodes.InvalidName,
                $"{path}: is not an ECS cluster name or ARN; a name has 1-255 letters, digits, '_' and '-' (an ARN: arn:aws:ecs:<region>:<account>:cluster/<name>)");
            return null;
        }

        return text;
    }

    /// <summary>Reads <paramref name="key"/> of the top-level mapping when present.</summary>
    private static T? Value<T>(MappingNode? map, string key, Func<Node, string, T> read) =>
        map?.Find(key) is { } entry ? read(entry.Value, $"x-mesh.{key}") : default;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex MeshName();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:ecs:[a-z]{2}(-[a-z]+)+-\d{1,2}:\d{12}:cluster/[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex ClusterArn();

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DnsName();
}
