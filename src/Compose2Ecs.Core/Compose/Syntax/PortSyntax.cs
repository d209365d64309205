using System.Net;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Compose.Syntax;

/// <summary>
/// The short port syntax <c>[HOST_IP:][PUBLISHED[-END]:]TARGET[-END][/PROTOCOL]</c>,
/// expanded to one <see cref="ServicePort"/> per port.
/// </summary>
public static class PortSyntax
{
    /// <summary>Parses one short-syntax entry; on failure returns null and sets a reason that ends the error message.</summary>
    public static List<ServicePort>? TryParse(string text, SourceLocation location, out string? problem)
    {
        problem = null;
        var spec = text.Trim();
        var protocol = "tcp";
        var slash = spec.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = spec[(slash + 1)..].ToLowerInvariant();
            spec = spec[..slash];
            if (protocol is not ("tcp" or "udp"))
            {
                problem = ProtocolProblem(protocol);
                return null;
            }
        }

        string? hostIp = null;
        string? published = null;
        string target;

        // An IPv6 host address is written in brackets: [::1]:8080:80.
        if (spec.StartsWith('['))
        {
            var close = spec.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= spec.Length || spec[close + 1] != ':')
            {
                problem = "an IPv6 host address must be written [address]:published:target";
                return null;
            }

            hostIp = spec[1..close];
            spec = spec[(close + 2)..];
            var parts6 = spec.Split(':');
            if (parts6.Length != 2)
            {
                problem = "expected [host_ip]:published:target";
                return null;
            }

            published = parts6[0];
            target = parts6[1];
        }
        else
        {
            var parts = spec.Split(':');
            switch (parts.Length)
            {
                case 1:
                    target = parts[0];
                    break;
                case 2:
                    published = parts[0];
                    target = parts[1];
                    break;
                case 3:
                    hostIp = parts[0];
                    published = parts[1];
                    target = parts[2];
                    break;
                default:
                    problem = "expected [host_ip:][published:]target[/protocol]";
                    return null;
            }
        }

        if (hostIp is not null && (!IPAddress.TryParse(hostIp, out var ip) || (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && hostIp.Count(ch => ch == '.') != 3)))
        {
            problem = $"host IP \"{hostIp}\" is not a valid IP address";
            return null;
        }

        if (!TryRange(target, out var targetStart, out var targetEnd, out problem))
        {
            return null;
        }

        int? publishedStart = null;
        int? publishedEnd = null;
        if (!string.IsNullOrEmpty(published))
        {
            if (!TryRange(published, out var ps, out var pe, out problem))
            {
                return null;
            }

            publishedStart = ps;
            publishedEnd = pe;
            var targetCount = targetEnd - targetStart;
            var publishedCount = pe - ps;

            // A published range with a single target is docker's "any free port of the range"
            // (compose-go keeps it as one port with published "80-90"); other ranges must match in length.
            if (targetCount == 0 && publishedCount > 0)
            {
                return [new ServicePort { Target = targetStart, Published = ps, PublishedEnd = pe, HostIp = hostIp, Protocol = protocol, Location = location }];
            }

            if (publishedCount != targetCount)
            {
                problem = $"published range {published} and target range {target} differ in length; give both ranges the same number of ports";
                return null;
            }
        }

        var result = new List<ServicePort>();
        for (var offset = 0; offset <= targetEnd - targetStart; offset++)
        {
            result.Add(new ServicePort
            {
                Target = targetStart + offset,
                Published = publishedStart + offset,
                HostIp = hostIp,
                Protocol = protocol,
                Location = location,
            });
        }

        return result;
    }

    /// <summary>Why a protocol is refused. SCTP is compose-legal, but ECS security groups and load balancers here carry tcp and udp only.</summary>
    public static string ProtocolProblem(string protocol) => protocol == "sctp"
        ? "protocol \"sctp\" is not supported: compose2ecs opens security groups and load balancers for tcp and udp only; use tcp or udp"
        : $"protocol \"{protocol}\" is not one of tcp, udp";

    /// <summary>The protocol a short-syntax entry names (after its last '/'), lowercased; tcp when none.</summary>
    public static string ProtocolOf(string text)
    {
        var slash = text.Trim().LastIndexOf('/');
        return slash < 0 ? "tcp" : text.Trim()[(slash + 1)..].ToLowerInvariant();
    }

    private static bool TryRange(string text, out int start, out int end, out string? problem)
    {
        problem = null;
        start = end = 0;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        if (!TryPort(first, out start, out problem) || !TryPort(last, out end, out problem))
        {
            return false;
        }

        if (end < start)
        {
            problem = $"port range {text} ends before it starts";
            return false;
        }

        if (end - start > 1000)
        {
            problem = $"port range {text} spans more than 1000 ports";
            return false;
        }

        return true;
    }

    public static bool TryPort(string text, out int port, out string? problem)
    {
        problem = null;
        if (text.Length == 0)
        {
            port = 0;
            problem = "a port number is empty (did a variable expand to nothing?)";
            return false;
        }

        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            port = 0;
            problem = $"\"{text}\" is not a port number";
            return false;
        }

        if (value is < 1 or > 65535)
        {
            port = 0;
            problem = $"port {text} is out of range 1-65535";
            return false;
        }

        port = (int)value;
        return true;
    }
}
