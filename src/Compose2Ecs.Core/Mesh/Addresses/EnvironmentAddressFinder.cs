using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;

namespace Compose2Ecs.Core.Mesh.Addresses;

/// <summary>
/// Finds the mesh addresses environment values name (<c>http://api:8080/v1</c>,
/// <c>postgres://u:p@db:5432/x</c>, <c>kafka1:9092,kafka2:9092</c>, <c>db</c>). Pure: it reads
/// values and reports spans, so a backend can rewrite them (Consul's local upstream ports) or a
/// check can take a port from them, without each parsing values its own way.
/// </summary>
/// <remarks>
/// A host counts only where an address stands: a URL's authority, a <c>host:port</c> pair, or the
/// whole value. A name that is merely part of a word (<c>mydb</c>, <c>db_name</c>, <c>api-key</c>,
/// <c>db.example.com</c>) is not an address of it.
/// </remarks>
public static partial class EnvironmentAddressFinder
{
    /// <summary>Every address in the environment, by variable in the given order, then by position in the value.</summary>
    public static ImmutableArray<EnvironmentAddress> Find(IEnumerable<EnvironmentVariable> environment, KnownAddressNames names)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(names);
        var found = ImmutableArray.CreateBuilder<EnvironmentAddress>();
        foreach (var variable in environment)
        {
            if (variable.Value is { Length: > 0 } value)
            {
                found.AddRange(InValue(variable, value, names));
            }
        }

        return found.ToImmutable();
    }

    private static IEnumerable<EnvironmentAddress> InValue(EnvironmentVariable variable, string value, KnownAddressNames names)
    {
        if (names.Match(value) is { } whole)
        {
            return [new EnvironmentAddress(variable.Name, variable.Location, 0, value.Length, whole.Name, whole.Form, value, null, null)];
        }

        var found = new List<EnvironmentAddress>();
        // Authorities of URLs first; what they cover (credentials included) is not scanned again,
        // so `api:1234@db` reads as user api, password 1234, host db.
        var covered = new List<(int Start, int End)>();
        foreach (var url in UrlAuthorities(value))
        {
            var hosts = url.Groups["hosts"];
            covered.Add((url.Index, hosts.Index + hosts.Length));
            var scheme = url.Groups["scheme"].Value;
            var offset = hosts.Index;
            foreach (var entry in hosts.Value.Split(','))
            {
                if (HostAndPort(entry) is { } parsed && names.Match(parsed.Host) is { } known)
                {
                    found.Add(new EnvironmentAddress(variable.Name, variable.Location, offset, entry.Length, known.Name, known.Form, parsed.Host, parsed.Port, scheme));
                }

                offset += entry.Length + 1;
            }
        }

        foreach (Match pair in HostPortPair().Matches(value))
        {
            if (covered.Any(c => pair.Index < c.End && pair.Index + pair.Length > c.Start))
            {
                continue;
            }

            var host = pair.Groups["host"].Value;
            if (names.Match(host) is { } known && Port(pair.Groups["port"].Value) is { } port)
            {
                found.Add(new EnvironmentAddress(variable.Name, variable.Location, pair.Index, pair.Length, known.Name, known.Form, host, port, null));
            }
        }

        return found.OrderBy(a => a.Start);
    }

    /// <summary>
    /// The matches <c>UrlAuthority().Matches(value)</c> finds, in linear time. The regex alone tries
    /// every start position and runs each to the end of the value: quadratic on a long value with no
    /// URL at all (2,500 variables of 500 characters took a minute). A match needs <c>://</c>, and
    /// its scheme is the run of scheme characters just before it and its authority runs to the next
    /// <c>/</c>, blank, <c>?</c> or <c>#</c>; so the regex runs in that window only, which gives
    /// the same match. A scheme is read from at most <see cref="MaxSchemeLength"/> characters.
    /// </summary>
    internal static IEnumerable<Match> UrlAuthorities(string value)
    {
        var from = 0;
        for (var i = value.IndexOf("://", StringComparison.Ordinal); i >= 0; i = value.IndexOf("://", i + 1, StringComparison.Ordinal))
        {
            if (i < from)
            {
                continue;
            }

            var start = i;
            while (start > from && i - start < MaxSchemeLength && IsSchemeCharacter(value[start - 1]))
            {
                start--;
            }

            var end = i + 3;
            while (end < value.Length && value[end] is not ('/' or '?' or '#') && !char.IsWhiteSpace(value[end]))
            {
                end++;
            }

            if (UrlAuthority().Match(value, start, end - start) is { Success: true } match)
            {
                from = match.Index + match.Length;
                yield return match;
            }
        }
    }

    /// <summary>Far past any real scheme (<c>jdbc:postgresql</c>), short enough that a hostile value stays linear.</summary>
    private const int MaxSchemeLength = 256;

    private static bool IsSchemeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-' or ':';

    /// <summary><c>host</c> or <c>host:port</c> of one authority entry; null for anything else (IPv6, empty, bad port).</summary>
    private static (string Host, int? Port)? HostAndPort(string entry)
    {
        var colon = entry.LastIndexOf(':');
        if (colon < 0)
        {
            return IsHost(entry) ? (entry, null) : null;
        }

        var host = entry[..colon];
        return IsHost(host) && Port(entry[(colon + 1)..]) is { } port ? (host, port) : null;
    }

    private static bool IsHost(string text) => text.Length > 0 && HostName().IsMatch(text);

    private static int? Port(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is var port and > 0 and <= 65535
            ? port
            : null;

    /// <summary>
    /// <c>scheme://[userinfo@]hosts</c>. The scheme may be compound (<c>jdbc:postgresql</c>); the
    /// userinfo runs to the last <c>@</c> of the authority, as passwords may hold <c>:</c>.
    /// </summary>
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*(?::[A-Za-z][A-Za-z0-9+.\-]*)*)://(?:[^/\s?#]*@)?(?<hosts>[^/\s?#@]*)", RegexOptions.CultureInvariant)]
    internal static partial Regex UrlAuthority();

    /// <summary>
    /// <c>host:port</c> standing on its own: not inside a longer word before it, not followed by more
    /// of a word or by <c>@</c> (then it was <c>user:password@</c>).
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-:/@])(?<host>[A-Za-z0-9](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?):(?<port>[0-9]{1,5})(?![A-Za-z0-9_\-@:]|\.[A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex HostPortPair();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();
}
