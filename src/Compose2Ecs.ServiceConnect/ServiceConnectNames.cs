using System.Text;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// The names Service Connect needs, derived from compose names only (so they are stable):
/// <list type="bullet">
/// <item>the port mapping name (<c>PortName</c>): the compose port's <c>name</c> when ECS accepts it, else <c>&lt;service&gt;-&lt;port&gt;</c>;</item>
/// <item>the client aliases (<c>DnsName</c>): the service or route name, lowercase, the name compose apps already dial,
/// and <c>&lt;name&gt;.&lt;namespace&gt;</c>, the other form spec §2 lets apps use (ECS allows one alias per endpoint,
/// so that form is a second endpoint with its own Cloud Map service, <c>&lt;name&gt;-sc-ns</c>);</item>
/// <item>the Cloud Map service Service Connect registers (<c>DiscoveryName</c>): <c>&lt;name&gt;-sc</c>, because the
/// ECS base already registers <c>&lt;service&gt;</c> for DNS in the same namespace (see docs/service-connect.md).</item>
/// </list>
/// ECS allows lowercase letters, digits, <c>_</c> and <c>-</c> (and <c>.</c> in a DNS name), not starting with
/// <c>-</c>, at most 64 characters (127 for a DNS name). A name that must be changed to fit gets a short hash of
/// the original, so two compose names never map to one.
/// </summary>
public static partial class ServiceConnectNames
{
    public const int MaxName = 64;
    public const int MaxDnsName = 127;

    /// <summary>A DNS label (the part between dots) has at most 63 characters (RFC 1035); the proxy resolves the alias as a DNS name.</summary>
    public const int MaxDnsLabel = 63;

    /// <summary>The suffix of every Cloud Map service Service Connect creates.</summary>
    public const string DiscoverySuffix = "-sc";

    /// <summary>The Cloud Map service Service Connect creates for a service or a route.</summary>
    public static string Discovery(string name) => Label(name, MaxName - DiscoverySuffix.Length) + DiscoverySuffix;

    /// <summary>The suffix of the Cloud Map service of an endpoint whose alias is <c>&lt;name&gt;.&lt;namespace&gt;</c>.</summary>
    public const string NamespacedDiscoverySuffix = "-sc-ns";

    /// <summary>The Cloud Map service of the endpoint whose alias is <see cref="NamespacedAlias"/>.</summary>
    public static string NamespacedDiscovery(string name) => Label(name, MaxName - NamespacedDiscoverySuffix.Length) + NamespacedDiscoverySuffix;

    /// <summary>
    /// <c>&lt;alias&gt;.&lt;namespace&gt;</c>, the namespaced form of <see cref="Alias"/>, lowercase; null when it would be
    /// longer than a DNS name ECS accepts (127 characters): then only the short alias exists.
    /// </summary>
    public static string? NamespacedAlias(string name, string @namespace)
    {
        var alias = $"{Alias(name)}.{@namespace.ToLowerInvariant().TrimEnd('.')}";
        return alias.Length <= MaxDnsName && DnsName().IsMatch(alias) && alias.Split('.').All(l => l.Length is > 0 and <= MaxDnsLabel) ? alias : null;
    }

    /// <summary>The client alias callers dial: the compose name, lowercase (DNS is case-insensitive).</summary>
    public static string Alias(string name)
    {
        var lower = name.ToLowerInvariant();
        return DnsName().IsMatch(lower) && lower.Length <= MaxDnsName && lower.Split('.').All(l => l.Length is > 0 and <= MaxDnsLabel)
            ? lower
            : Label(name, MaxDnsLabel);
    }

    /// <summary>The name of the listener's port mapping in the task definition.</summary>
    public static string PortName(string service, int port, ServicePort? composePort)
    {
        if (composePort?.Name is { } written && Name().IsMatch(written) && written.Length <= MaxName)
        {
            return written;
        }

        var suffix = $"-{port}";
        return Label(service, MaxName - suffix.Length) + suffix;
    }

    /// <summary>True when ECS accepts <paramref name="name"/> as a port mapping or discovery name.</summary>
    public static bool IsValidName(string name) => name.Length <= MaxName && Name().IsMatch(name);

    /// <summary>
    /// <paramref name="name"/> as ECS allows it, at most <paramref name="max"/> characters: unchanged when it
    /// already fits, else cleaned and followed by <c>-</c> and a 6-hex-digit hash of the original.
    /// </summary>
    public static string Label(string name, int max)
    {
        if (name.Length <= max && Name().IsMatch(name))
        {
            return name;
        }

        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            cleaned.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' ? c : '-');
        }

        var hash = "-" + LogicalIds.Hash(name);
        var kept = cleaned.ToString().TrimStart('-');
        if (kept.Length + hash.Length > max)
        {
            kept = kept[..(max - hash.Length)];
        }

        return (kept.Length == 0 ? "x" : kept) + hash;
    }

    /// <summary>The Cloud Map DNS names the ECS base registers: every service with a container port, under its compose name.</summary>
    public static IEnumerable<(string Name, Core.Diagnostics.SourceLocation Location)> BaseDnsNames(MeshModel model) =>
        model.Services.Where(s => !s.ContainerPorts.IsEmpty).Select(s => (s.Name, s.Location))
            .Concat(model.PlainServices.Where(s => !s.ContainerPorts.IsEmpty).Select(s => (s.Name, s.Location)));

    [GeneratedRegex("^[a-z0-9_][a-z0-9_-]*$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z0-9_][a-z0-9._-]*$")]
    private static partial Regex DnsName();
}
