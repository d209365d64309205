using System.Collections.Immutable;

namespace Compose2Ecs.Trace.Assembly;

/// <summary>A template value with its intrinsics resolved as far as the assembly allows.</summary>
public abstract record CfnVal
{
    /// <summary>The literal text, or null when the value is not a literal.</summary>
    public virtual string? Text => null;

    /// <summary>The resource this value points at (a <c>Ref</c> or a <c>GetAtt</c> of it), or null.</summary>
    public virtual ResourceId? Resource => null;
}

/// <summary>A string, number or boolean.</summary>
public sealed record CfnLiteral(string Value) : CfnVal
{
    public override string? Text => Value;
}

/// <summary><c>Ref</c> or <c>Fn::GetAtt</c> of a resource; <paramref name="Attribute"/> null for <c>Ref</c>.</summary>
public sealed record CfnResourceValue(ResourceId Id, string? Attribute) : CfnVal
{
    public override ResourceId? Resource => Id;
}

/// <summary>A list (a JSON array, or a comma-joined list of ids passed as a <c>CommaDelimitedList</c>).</summary>
public sealed record CfnListValue(ImmutableArray<CfnVal> Items) : CfnVal;

/// <summary>An object (a property map).</summary>
public sealed record CfnObjectValue(ImmutableDictionary<string, CfnVal> Entries) : CfnVal;

/// <summary>Known only at deploy time (a pseudo parameter, a mapping lookup, a root parameter).</summary>
public sealed record CfnUnknown(string What) : CfnVal;

/// <summary>A resource across the whole assembly: the stack path (root name, then nested stack logical IDs) and its logical ID.</summary>
public sealed record ResourceId(string Stack, string LogicalId)
{
    public override string ToString() => $"{Stack}/{LogicalId}";
}
