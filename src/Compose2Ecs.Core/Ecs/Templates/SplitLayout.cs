using Compose2Ecs.Core.Ecs.Naming;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>Which template each resource goes to: the root, a <c>SecurityGroups{n}</c> stack or a <c>ServiceGroup{n}</c> stack.</summary>
internal sealed record SplitLayout(
    IReadOnlyList<HashPartition.Part<string>> SecurityStacks,
    IReadOnlyList<HashPartition.Part<string>> ServiceStacks,
    Dictionary<string, string> SecurityHome,
    Dictionary<string, string> ServiceHome,
    ChannelIndex Channels)
{
    public static string SecurityStackId(HashBucket bucket) => $"SecurityGroups{bucket.Index}";

    public static string ServiceStackId(HashBucket bucket) => SharedIds.ServiceGroup(bucket.Index);
}
