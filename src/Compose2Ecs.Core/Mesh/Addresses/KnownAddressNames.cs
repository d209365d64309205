namespace Compose2Ecs.Core.Mesh.Addresses;

/// <summary>How an address spells a mesh name: <c>api</c> or <c>api.shop.local</c>.</summary>
public enum AddressNameForm
{
    /// <summary>The bare name, as docker compose's network DNS resolves it.</summary>
    Short,

    /// <summary><c>&lt;name&gt;.&lt;namespace&gt;</c>, the Cloud Map name.</summary>
    Long,
}

/// <summary>
/// The names a mesh answers to (its services and routes) and its namespace, so a host written in
/// an environment value can be told to be one of them. DNS names are case-insensitive, so are these.
/// </summary>
public sealed class KnownAddressNames
{
    private readonly HashSet<string> _names;
    private readonly string? _suffix;

    /// <summary>Short names only: what a compose file written for docker compose's network can use.</summary>
    public KnownAddressNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        Namespace = "";
    }

    public KnownAddressNames(IEnumerable<string> names, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        Namespace = @namespace.TrimEnd('.');
        _suffix = "." + Namespace;
    }

    /// <summary>The Cloud Map namespace the long form ends with (<c>shop.local</c>); empty when only short names count.</summary>
    public string Namespace { get; }

    /// <summary>The known name a host spells, and in which form; null when the host is not a mesh name.</summary>
    public (string Name, AddressNameForm Form)? Match(string host)
    {
        if (_names.TryGetValue(host, out var shortName))
        {
            return (shortName, AddressNameForm.Short);
        }

        if (_suffix is not null && host.Length > _suffix.Length && host.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase)
            && _names.TryGetValue(host[..^_suffix.Length], out var longName))
        {
            return (longName, AddressNameForm.Long);
        }

        return null;
    }
}
