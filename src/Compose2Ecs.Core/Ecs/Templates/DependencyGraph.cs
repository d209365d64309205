namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// The order CloudFormation creates things in one template: resources and nested stacks, with
/// an edge for each reference and each <c>DependsOn</c>. It knows everything each node reaches
/// (a bit set per node), so adding an order asks in constant time whether it would close a
/// cycle or is implied already; walking the graph for each of 30,000 depends_on edges was what
/// made splitting slow past 1000 services.
/// </summary>
internal sealed class DependencyGraph
{
    public enum Added
    {
        /// <summary>A new edge.</summary>
        Yes,

        /// <summary>Already ordered that way through other edges: nothing to add.</summary>
        Implied,

        /// <summary>The other way round is already ordered: the edge would close a cycle.</summary>
        Cycle,
    }

    private readonly Dictionary<string, int> _index;
    private readonly List<int>[] _edges;
    private readonly ulong[][] _reach;
    private readonly string[] _names;

    public DependencyGraph(IEnumerable<string> nodes)
    {
        _names = [.. nodes];
        _index = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            _index[_names[i]] = i;
        }

        _edges = [.. _names.Select(_ => new List<int>())];
        var words = (_names.Length + 63) / 64;
        _reach = [.. _names.Select(_ => new ulong[words])];
    }

    /// <summary>An edge that must be there (a reference): added before <see cref="Close"/>.</summary>
    public void Require(string from, string to)
    {
        if (_index.TryGetValue(from, out var f) && _index.TryGetValue(to, out var t) && f != t)
        {
            _edges[f].Add(t);
        }
    }

    /// <summary>Computes what each node reaches; throws when the required edges form a cycle.</summary>
    public void Close()
    {
        // Kahn's algorithm over reversed edges gives the nodes with no unprocessed successors first.
        var remaining = _edges.Select(e => e.Distinct().Count()).ToArray();
        var predecessors = _names.Select(_ => new List<int>()).ToArray();
        for (var f = 0; f < _edges.Length; f++)
        {
            foreach (var t in _edges[f].Distinct())
            {
                predecessors[t].Add(f);
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, _names.Length).Where(n => remaining[n] == 0));
        var done = 0;
        while (ready.TryDequeue(out var node))
        {
            done++;
            foreach (var t in _edges[node])
            {
                Or(_reach[node], _reach[t]);
                Set(_reach[node], t);
            }

            foreach (var p in predecessors[node])
            {
                if (--remaining[p] == 0)
                {
                    ready.Enqueue(p);
                }
            }
        }

        if (done < _names.Length)
        {
            var cycle = Enumerable.Range(0, _names.Length).Where(n => remaining[n] > 0).Select(n => _names[n]);
            throw new InvalidOperationException(
                $"nested stacks {string.Join(", ", cycle)} depend on each other through references in a cycle; a backend references resources of services in different stacks both ways");
        }
    }

    /// <summary>Orders <paramref name="from"/> after <paramref name="to"/> unless that closes a cycle or is implied.</summary>
    public Added TryAdd(string from, string to)
    {
        var (f, t) = (_index[from], _index[to]);
        if (f == t || Has(_reach[f], t))
        {
            return Added.Implied;
        }

        if (Has(_reach[t], f))
        {
            return Added.Cycle;
        }

        // Whatever reaches "from" (and "from" itself) now reaches "to" and all it reaches.
        for (var n = 0; n < _names.Length; n++)
        {
            if (n == f || Has(_reach[n], f))
            {
                Or(_reach[n], _reach[t]);
                Set(_reach[n], t);
            }
        }

        _edges[f].Add(t);
        return Added.Yes;
    }

    private static bool Has(ulong[] set, int n) => (set[n >> 6] & (1UL << (n & 63))) != 0;

    private static void Set(ulong[] set, int n) => set[n >> 6] |= 1UL << (n & 63);

    private static void Or(ulong[] into, ulong[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= from[i];
        }
    }
}
