using System.Collections.Immutable;
using System.Globalization;

namespace Compose2Ecs.Core.Ecs.Plan;

/// <summary>
/// A CloudFormation value: a literal or an intrinsic function. The plan is pure data, so
/// anything that may carry a reference (an image in the stack's region, a security group id,
/// an ARN) is a <see cref="CfnValue"/>; the template builder turns it into JSON, and rewrites
/// references that cross nested-stack boundaries into parameters.
/// </summary>
public abstract record CfnValue
{
    public static CfnValue Of(string value) => new CfnString(value);

    public static CfnValue Of(long value) => new CfnNumber(value);

    public static CfnValue Of(bool value) => new CfnBool(value);

    /// <summary><c>{"Ref": id}</c>: a resource, a parameter, or a pseudo parameter such as <c>AWS::Region</c>.</summary>
    public static CfnValue Ref(string logicalId) => new CfnRef(logicalId);

    public static CfnValue GetAtt(string logicalId, string attribute) => new CfnGetAtt(logicalId, attribute);

    /// <summary><c>Fn::Sub</c> with one string. It may name pseudo parameters and resources (<c>${Id}</c>, <c>${Id.Attr}</c>).</summary>
    public static CfnValue Sub(string template) => new CfnFunction("Fn::Sub", new CfnString(template));

    /// <summary>
    /// <paramref name="text"/> as a literal inside an <c>Fn::Sub</c> template: every <c>${</c> written
    /// <c>${!</c>, which Fn::Sub prints as <c>${</c>. Every piece of user text placed in a Sub template
    /// goes through this, so <c>"evil${AWS::AccountId}"</c> stays text and never names a parameter.
    /// </summary>
    public static string SubLiteral(string text) => text.Replace("${", "${!", StringComparison.Ordinal);

    public static CfnValue Join(string separator, params CfnValue[] parts) =>
        new CfnFunction("Fn::Join", CfnList.Of(new CfnString(separator), CfnList.Of(parts)));

    public static CfnValue Select(int index, CfnValue list) =>
        new CfnFunction("Fn::Select", CfnList.Of(new CfnNumber(index), list));

    public static CfnValue GetAZs() => new CfnFunction("Fn::GetAZs", new CfnString(""));

    /// <summary>An intrinsic function not given a factory here: <c>{"Fn::X": argument}</c>.</summary>
    public static CfnValue Function(string name, CfnValue argument) => new CfnFunction(name, argument);

    public static implicit operator CfnValue(string value) => new CfnString(value);

    public static implicit operator CfnValue(long value) => new CfnNumber(value);

    public static implicit operator CfnValue(bool value) => new CfnBool(value);
}

public sealed record CfnString(string Value) : CfnValue;

public sealed record CfnNumber(long Value) : CfnValue
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record CfnBool(bool Value) : CfnValue;

public sealed record CfnRef(string LogicalId) : CfnValue;

public sealed record CfnGetAtt(string LogicalId, string Attribute) : CfnValue;

public sealed record CfnFunction(string Name, CfnValue Argument) : CfnValue;

public sealed record CfnList(ImmutableArray<CfnValue> Items) : CfnValue
{
    public static CfnList Of(params IEnumerable<CfnValue> items) => new([.. items]);

    public static CfnList Empty { get; } = new([]);
}

/// <summary>A JSON object with keys in the order given (templates are written in that order).</summary>
public sealed record CfnMap(ImmutableArray<KeyValuePair<string, CfnValue>> Entries) : CfnValue
{
    public static CfnMap Empty { get; } = new([]);

    public CfnValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>A copy with <paramref name="key"/> set (replaced in place, or appended); a null value removes it.</summary>
    public CfnMap With(string key, CfnValue? value)
    {
        var index = -1;
        for (var i = 0; i < Entries.Length && index < 0; i++)
        {
            index = Entries[i].Key == key ? i : -1;
        }

        if (value is null)
        {
            return index < 0 ? this : new CfnMap(Entries.RemoveAt(index));
        }

        var entry = KeyValuePair.Create(key, value);
        return index >= 0 ? new CfnMap(Entries.SetItem(index, entry)) : new CfnMap(Entries.Add(entry));
    }

    /// <summary>This map with every entry of <paramref name="other"/> set on it.</summary>
    public CfnMap Merge(CfnMap other) => other.Entries.Aggregate(this, (map, e) => map.With(e.Key, e.Value));
}

/// <summary>Builds a <see cref="CfnMap"/> that leaves out absent values, so optional properties stay out of the template.</summary>
public sealed class CfnMapBuilder
{
    private readonly ImmutableArray<KeyValuePair<string, CfnValue>>.Builder _entries = ImmutableArray.CreateBuilder<KeyValuePair<string, CfnValue>>();

    public CfnMapBuilder Add(string key, CfnValue? value)
    {
        if (value is not null)
        {
            _entries.Add(KeyValuePair.Create(key, value));
        }

        return this;
    }

    public CfnMapBuilder Add(string key, string? value) => value is null ? this : Add(key, new CfnString(value));

    public CfnMapBuilder Add(string key, long? value) => value is null ? this : Add(key, new CfnNumber(value.Value));

    public CfnMapBuilder Add(string key, bool? value) => value is null ? this : Add(key, new CfnBool(value.Value));

    /// <summary>Adds a list unless it is empty.</summary>
    public CfnMapBuilder AddList(string key, IEnumerable<CfnValue> items)
    {
        var list = items.ToImmutableArray();
        return list.IsEmpty ? this : Add(key, new CfnList(list));
    }

    /// <summary>Adds a map unless it is null or empty.</summary>
    public CfnMapBuilder AddMap(string key, CfnMap? map) => map is null || map.Entries.IsEmpty ? this : Add(key, map);

    public CfnMap Build() => new(_entries.ToImmutable());
}
