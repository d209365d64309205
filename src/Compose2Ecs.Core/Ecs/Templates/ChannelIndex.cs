using System.Collections.Immutable;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// The channel that carries each cross-template reference. Security-group ids read from another
/// template go in chunks: each <c>SecurityGroups</c> stack lists those ids in logical-ID order
/// (fixed and deterministic) and cuts the list into chunks of <see cref="SplitLimits.IdsPerList"/>,
/// each one output. Without that, a stack of services needs one parameter per security group it
/// names (its own and those of every service that calls it): past 200 in dense applications,
/// and the parameter maps filled the root past 1 MB.
/// </summary>
internal sealed class ChannelIndex
{
    private readonly Dictionary<ResourceReference, (Channel Channel, int Index)> _listed = [];
    private readonly Dictionary<ResourceReference, Channel> _single = [];
    private readonly Func<string, string> _home;

    /// <param name="home">The template of a logical ID.</param>
    /// <param name="listed">The listable references read from other templates, by the <c>SecurityGroups</c> stack that holds them.</param>
    public ChannelIndex(Func<string, string> home, IReadOnlyDictionary<string, SortedSet<ResourceReference>> listed, int perList)
    {
        _home = home;
        foreach (var (stack, references) in listed)
        {
            var ordered = references.ToList();
            for (var chunk = 0; chunk * perList < ordered.Count; chunk++)
            {
                var items = ordered.Skip(chunk * perList).Take(perList).ToImmutableArray();
                // Security groups kept in the root by a stack layout travel as the root's own list.
                var channel = new Channel($"{(stack.Length == 0 ? "RootSecurityGroup" : stack)}Ids{chunk}", stack, IsList: true, items);
                for (var i = 0; i < items.Length; i++)
                {
                    _listed[items[i]] = (channel, i);
                }
            }
        }
    }

    /// <summary>The channel of a reference read outside its template, and the item's place in it (0 for single values).</summary>
    public (Channel Channel, int Index) For(ResourceReference reference)
    {
        if (_listed.TryGetValue(reference, out var listed))
        {
            return listed;
        }

        if (!_single.TryGetValue(reference, out var channel))
        {
            channel = new Channel(Channel.NameOf(reference), _home(reference.LogicalId), IsList: false, [reference]);
            _single[reference] = channel;
        }

        return (channel, 0);
    }

    /// <summary>Orders references by logical ID, then attribute (a <c>Ref</c> first).</summary>
    public static IComparer<ResourceReference> Order { get; } = Comparer<ResourceReference>.Create((a, b) =>
    {
        var byId = string.CompareOrdinal(a.LogicalId, b.LogicalId);
        return byId != 0 ? byId : string.CompareOrdinal(a.Attribute, b.Attribute);
    });
}
