using Compose2Ecs.Core.Ecs.Naming;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>One nested stack of services: its ID, the hash bucket it was computed as (null when placed from a stack layout), its services.</summary>
internal sealed record StackPart(string Id, HashBucket? Bucket, IReadOnlyList<string> Items);

/// <summary>Which template each resource goes to: the root, a <c>SecurityGroups{n}</c> stack or a <c>ServiceGroup{n}</c> stack.</summary>
/// <param name="SecurityHome">Each owner's security-group template (<c>""</c> for the root).</param>
/// <param name="ServiceHome">Each owner's template for the rest (<c>""</c> for the root).</param>
internal sealed record SplitLayout(
    IReadOnlyList<StackPart> SecurityStacks,
    IReadOnlyList<StackPart> ServiceStacks,
    Dictionary<string, string> SecurityHome,
    Dictionary<string, string> ServiceHome,
    ChannelIndex Channels)
{
    public const string SecurityPrefix = "SecurityGroups";

    public const string ServicePrefix = "ServiceGroup";

    public static string SecurityStackId(HashBucket bucket) => $"{SecurityPrefix}{bucket.Index}";

    public static string ServiceStackId(HashBucket bucket) => SharedIds.ServiceGroup(bucket.Index);
}
