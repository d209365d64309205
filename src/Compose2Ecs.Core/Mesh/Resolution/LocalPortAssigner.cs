using System.Collections.Immutable;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Gives every mesh edge a Consul local bind port (spec §2), so the Consul backend never
/// picks one itself, and checks the ones written.
///
/// The rule, chosen for stability: an upstream without <c>local_port</c> gets
/// <see cref="LocalPorts.Preferred"/>, <c>20100 + (FNV-1a(name) mod 9900)</c> — a port from
/// 20100 to 29999 that depends on the upstream's name only. Adding or removing another upstream therefore does not move it,
/// and a service is at the same local port in every caller. If that port is taken (a
/// written <c>local_port</c>, one of the caller's container ports, a port any registered
/// backend reserves, or an earlier upstream — taken in order of name), the next free port up is used,
/// wrapping from 29999 to 20100. Only such a collision can make an unrelated change move a
/// port; write <c>local_port</c> to pin one.
///
/// One exception: an upstream the caller's environment names as a bare host (<c>FLAGD_HOST=flagd</c>,
/// its port set in another variable) gets its own port as the local port when that is free, as if
/// <c>local_port: &lt;its port&gt;</c> were written: the host alone then becomes <c>localhost</c>
/// and the port variable stays right, which no other local port allows.
/// </summary>
/// <param name="backend">The chosen backend: a written local port on its reserved ports is an error.</param>
/// <param name="reservedByAnyBackend">Every registered backend's reserved ports, which an assigned port avoids (so switching backends does not move it).</param>
internal sealed class LocalPortAssigner(NodeReader fields, MeshBackendSpec backend, ImmutableHashSet<int> reservedByAnyBackend)
{

    /// <param name="namedBare">Upstreams the caller's environment names by host alone, with no port.</param>
    public ImmutableArray<UpstreamEdge> Assign(MeshService caller, ImmutableArray<UpstreamEdge> edges, IReadOnlySet<string> namedBare)
    {
        var path = $"services.{caller.Name}.x-mesh.upstreams";
        var reserved = backend.ReservedPorts;
        var taken = new HashSet<int>(caller.ContainerPorts);
        var explicitOwner = new Dictionary<int, string>();
        foreach (var edge in edges.Where(e => e.IsLocalPortExplicit))
        {
            var port = edge.LocalPort!.Value;
            var at = edge.LocalPortLocation;
            if (explicitOwner.TryGetValue(port, out var owner))
            {
                fields.Error(at, MeshDiagnosticCodes.LocalPortTaken, $"{path}.local_port", $"{port} (for {edge.Upstream}) is already the local port of {owner}; give each upstream its own local_port");
            }
            else if (caller.ContainerPorts.Contains(port))
            {
                fields.Error(at, MeshDiagnosticCodes.LocalPortTaken, $"{path}.local_port", $"{port} (for {edge.Upstream}) is a container port of {caller.Name}, and local ports bind in the same task; choose another local_port");
            }
            else if (reserved.Contains(port))
            {
                fields.Error(at, MeshDiagnosticCodes.ReservedPort, $"{path}.local_port",
                    $"{port} (for {edge.Upstream}) is reserved by {backend.ReservedBy} ({string.Join(", ", reserved)}); choose another local_port");
            }

            explicitOwner.TryAdd(port, edge.Upstream);
            taken.Add(port);
        }

        // Upstream names are unique within a caller, so the name keys the assignment.
        var assigned = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var edge in edges.Where(e => !e.IsLocalPortExplicit && namedBare.Contains(e.Upstream)).OrderBy(e => e.Upstream, StringComparer.Ordinal))
        {
            if (!taken.Contains(edge.Port) && !reservedByAnyBackend.Contains(edge.Port))
            {
                taken.Add(edge.Port);
                assigned[edge.Upstream] = edge.Port;
            }
        }

        foreach (var edge in edges.Where(e => !e.IsLocalPortExplicit && !assigned.ContainsKey(e.Upstream)).OrderBy(e => e.Upstream, StringComparer.Ordinal))
        {
            var port = FreePortFrom(LocalPorts.Preferred(edge.Upstream), taken);
            taken.Add(port);
            assigned[edge.Upstream] = port;
        }

        return [.. edges.Select(e => assigned.TryGetValue(e.Upstream, out var port) ? e with { LocalPort = port } : e)];
    }

    private int FreePortFrom(int start, HashSet<int> taken)
    {
        var port = start;
        while (taken.Contains(port) || reservedByAnyBackend.Contains(port))
        {
            port = port == LocalPorts.Last ? LocalPorts.First : port + 1;
            if (port == start)
            {
                throw new InvalidOperationException("no free local port between 20100 and 29999");
            }
        }

        return port;
    }
}
