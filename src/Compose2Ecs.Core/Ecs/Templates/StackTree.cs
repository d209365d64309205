namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// How the templates nest. <c>SecurityGroups</c> stacks are always children of the root. With
/// <see cref="Level"/> 0, so are the <c>ServiceGroup</c> stacks; with level g, the root holds
/// <c>Services{m}</c> stacks instead and each holds the <c>ServiceGroup{b}</c> stacks whose
/// bucket index ends in the g bits of m. The middle level is there when the root would pass a
/// limit: its parameter maps (one entry per parameter of each child) grow with the number of
/// service stacks, past 1 MB at a few thousand services.
/// </summary>
internal sealed class StackTree
{
    private readonly Dictionary<string, string> _parents = new(StringComparer.Ordinal);

    /// <summary>The tree of <paramref name="level"/>: service stacks under <c>Services{m}</c> by the last bits of their bucket index.</summary>
    public StackTree(SplitLayout layout, int level)
        : this(layout, layout.ServiceStacks.ToDictionary(p => p.Id, p => level == 0 ? "" : MiddleId(p.Bucket!.Index & ((1 << level) - 1)), StringComparer.Ordinal))
    {
        Level = level;
    }

    /// <summary>A tree with each service stack's parent given (<c>""</c> for the root, else a <c>Services{m}</c> stack).</summary>
    public StackTree(SplitLayout layout, IReadOnlyDictionary<string, string> serviceParents)
    {
        foreach (var part in layout.SecurityStacks)
        {
            _parents[part.Id] = "";
        }

        foreach (var part in layout.ServiceStacks)
        {
            var parent = serviceParents[part.Id];
            _parents[part.Id] = parent;
            if (parent.Length > 0 && _parents.TryAdd(parent, ""))
            {
                Middles.Add(parent);
            }
        }

        Middles.Sort(StackOrder.Instance);
        Level = -1;
    }

    /// <summary>The bits that pick a service stack's middle stack; -1 when the parents were given.</summary>
    public int Level { get; }

    /// <summary>The <c>Services{m}</c> stacks, in order.</summary>
    public List<string> Middles { get; } = [];

    public const string MiddlePrefix = "Services";

    public static string MiddleId(int index) => $"{MiddlePrefix}{index}";

    /// <summary>The parent of a nested template (the root's ID is empty).</summary>
    public string Parent(string id) => _parents[id];

    public IEnumerable<string> ChildrenOf(string id) => _parents.Where(p => p.Value == id).Select(p => p.Key).Order(StackOrder.Instance);

    /// <summary>Whether <paramref name="id"/> is <paramref name="ancestor"/> or nested in it.</summary>
    public bool Within(string id, string ancestor)
    {
        for (var current = id; ; current = _parents[current])
        {
            if (current == ancestor)
            {
                return true;
            }

            if (current.Length == 0)
            {
                return false;
            }
        }
    }

    /// <summary>The child of <paramref name="ancestor"/> that <paramref name="id"/> is in (or is).</summary>
    public string ChildOn(string ancestor, string id)
    {
        var current = id;
        while (_parents[current] != ancestor)
        {
            current = _parents[current];
        }

        return current;
    }

    /// <summary>The deepest template that holds both.</summary>
    public string CommonAncestor(string a, string b)
    {
        var current = a;
        while (!Within(b, current))
        {
            current = _parents[current];
        }

        return current;
    }
}
