using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// A value that one template reads from another: an output of the template that holds it, then a
/// parameter of each template that reads it, passed along the tree of nested stacks. Either one
/// resource's value, or a chunk of a <c>SecurityGroups</c> stack's ids joined by commas and read
/// with <c>Fn::Select</c> (one parameter for up to <see cref="SplitLimits.IdsPerList"/> groups).
/// </summary>
/// <param name="Name">The output and parameter name, the same all along the path.</param>
/// <param name="Origin">The template that holds the resources.</param>
internal sealed record Channel(string Name, string Origin, bool IsList, ImmutableArray<ResourceReference> Items)
{
    /// <summary>The value in the template that holds it.</summary>
    public CfnValue Source => IsList
        ? CfnValue.Join(",", [.. Items.Select(ValueOf)])
        : ValueOf(Items[0]);

    public static CfnValue ValueOf(ResourceReference reference) =>
        reference.Attribute is null ? CfnValue.Ref(reference.LogicalId) : CfnValue.GetAtt(reference.LogicalId, reference.Attribute);

    /// <summary>The parameter name of one resource's value, as nested stacks always named it: the logical ID, then the attribute's letters.</summary>
    public static string NameOf(ResourceReference reference) =>
        reference.Attribute is null ? reference.LogicalId : reference.LogicalId + new string([.. reference.Attribute.Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>How a template reads item <paramref name="index"/> of this channel, given how it reads the channel.</summary>
    /// <param name="read">A <c>Ref</c> of a parameter (a list, for a list channel), or a nested stack's output (a string).</param>
    public CfnValue Read(CfnValue read, int index, bool readIsList) => !IsList
        ? read
        : CfnValue.Select(index, readIsList ? read : CfnValue.Function("Fn::Split", CfnList.Of(",", read)));
}
