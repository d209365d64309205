using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>A <c>DependsOn</c> between resources in different templates, to become an order between stacks.</summary>
internal sealed record CrossDependency(TemplateResource Resource, string From, string Dependency, string To);

/// <summary>
/// The templates that hold resources of services (<c>SecurityGroups{n}</c>, <c>ServiceGroup{n}</c>),
/// wired: each reference to another template reads a parameter, each value another template
/// reads is an output. None of this depends on how the stacks are nested, so it is built once.
/// </summary>
internal sealed class LeafWiring
{
    private LeafWiring(Dictionary<string, TemplateDocument> documents, Dictionary<string, Channel> channels,
        Dictionary<string, HashSet<string>> readers, List<CrossDependency> dependencies)
    {
        Documents = documents;
        Channels = channels;
        Readers = readers;
        Dependencies = dependencies;
    }

    /// <summary>The templates by ID (parents not yet set).</summary>
    public Dictionary<string, TemplateDocument> Documents { get; }

    /// <summary>Every channel some template reads, by name.</summary>
    public Dictionary<string, Channel> Channels { get; }

    /// <summary>The templates that read each channel (the root as <c>""</c>).</summary>
    public Dictionary<string, HashSet<string>> Readers { get; }

    /// <summary>Every <c>DependsOn</c> that crosses templates, the root's included, in resource order.</summary>
    public List<CrossDependency> Dependencies { get; }

    /// <param name="rootOutputs">The plan's outputs that stay in the root (the rest go to their service's stack).</param>
    public static LeafWiring Build(SplitFacts facts, SplitLayout layout, Func<string, string> home, EcsPlan plan,
        ImmutableArray<TemplateOutput> rootOutputs, string description)
    {
        var channels = new Dictionary<string, Channel>(StringComparer.Ordinal);
        var readers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var reads = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<TemplateResource>>(StringComparer.Ordinal);
        var dependencies = new List<CrossDependency>();

        void Read(string reader, Channel channel)
        {
            channels.TryAdd(channel.Name, channel);
            (readers.TryGetValue(channel.Name, out var set) ? set : readers[channel.Name] = new(StringComparer.Ordinal)).Add(reader);
            (reads.TryGetValue(reader, out var names) ? names : reads[reader] = new(StringComparer.Ordinal)).Add(channel.Name);
        }

        // In a nested template, a value from elsewhere is a parameter (a list of ids: an item of it).
        CfnValue? Replace(string template, ResourceReference reference)
        {
            if (home(reference.LogicalId) == template)
            {
                return null;
            }

            var (channel, index) = layout.Channels.For(reference);
            Read(template, channel);
            return channel.Read(CfnValue.Ref(channel.Name), index, readIsList: true);
        }

        for (var i = 0; i < facts.Resources.Length; i++)
        {
            var resource = facts.Resources[i];
            var template = home(resource.LogicalId);
            var kept = new List<string>();
            foreach (var dependency in resource.DependsOn)
            {
                var to = facts.Index.ContainsKey(dependency) ? home(dependency) : template;
                if (to == template)
                {
                    kept.Add(dependency);
                }
                else
                {
                    dependencies.Add(new CrossDependency(resource, template, dependency, to));
                }
            }

            if (template.Length == 0)
            {
                // The root reads through its children's outputs, which depend on the nesting; only note what it reads.
                foreach (var reference in facts.References[i].Where(r => home(r.LogicalId).Length > 0))
                {
                    Read("", layout.Channels.For(reference).Channel);
                }

                continue;
            }

            var wired = facts.References[i].IsEmpty ? resource.Properties : References.Replace(resource.Properties, r => Replace(template, r));
            (members.TryGetValue(template, out var list) ? list : members[template] = []).Add(resource with { Properties = wired, DependsOn = [.. kept.Distinct()] });
        }

        var ownOutputs = plan.Outputs.Except(rootOutputs)
            .Select(o => (Template: home(OwnerResource(facts, o)), Output: o))
            .ToLookup(x => x.Template, x => x.Output);
        foreach (var output in rootOutputs)
        {
            foreach (var reference in References.In(output.Value).Where(r => facts.Index.ContainsKey(r.LogicalId) && home(r.LogicalId).Length > 0))
            {
                Read("", layout.Channels.For(reference).Channel);
            }
        }

        var outputs = ownOutputs.ToDictionary(g => g.Key, g => g.Select(o => o with
        {
            Value = References.Replace(o.Value, r => facts.Index.ContainsKey(r.LogicalId) ? Replace(g.Key, r) : null),
        }).ToList(), StringComparer.Ordinal);

        var documents = new Dictionary<string, TemplateDocument>(StringComparer.Ordinal);
        var exported = channels.Values.Where(c => readers[c.Name].Any(r => r != c.Origin)).ToLookup(c => c.Origin);
        foreach (var (id, resources) in members)
        {
            var parameters = reads.GetValueOrDefault(id) ?? [];
            var own = outputs.GetValueOrDefault(id) ?? [];
            documents[id] = new TemplateDocument(id, [.. resources])
            {
                Description = $"{description}: {id}",
                Parameters = [.. parameters],
                ListParameters = [.. parameters.Where(p => channels[p].IsList)],
                Outputs = [.. own, .. exported[id].OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new TemplateOutput(c.Name, c.Source, Describe(c)))],
            };
        }

        return new LeafWiring(documents, channels, readers, dependencies);
    }

    /// <summary>The resource an owned output names first, so it goes where that resource went.</summary>
    private static string OwnerResource(SplitFacts facts, TemplateOutput output) =>
        References.In(output.Value).Select(r => r.LogicalId).FirstOrDefault(facts.Index.ContainsKey)
        ?? throw new InvalidOperationException($"output {output.LogicalId} names none of the application's resources");

    private static string Describe(Channel channel) => channel.IsList
        ? $"ids of {channel.Items.Length} security groups, {channel.Items[0].LogicalId} to {channel.Items[^1].LogicalId}, comma-separated"
        : $"{channel.Items[0].LogicalId} {channel.Items[0].Attribute ?? "Ref"}";
}
