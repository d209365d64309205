using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>A reference to a resource: <c>Ref</c> (no attribute) or <c>Fn::GetAtt</c>.</summary>
public readonly record struct ResourceReference(string LogicalId, string? Attribute);

/// <summary>Finds and rewrites the references inside values: <c>Ref</c>, <c>Fn::GetAtt</c>, and names in <c>Fn::Sub</c> strings.</summary>
public static partial class References
{
    /// <summary>Every reference to a logical ID (pseudo parameters such as <c>AWS::Region</c> left out).</summary>
    public static IEnumerable<ResourceReference> In(CfnValue value)
    {
        switch (value)
        {
            case CfnRef r when !IsPseudo(r.LogicalId):
                yield return new ResourceReference(r.LogicalId, null);
                break;
            case CfnGetAtt g:
                yield return new ResourceReference(g.LogicalId, g.Attribute);
                break;
            case CfnFunction { Name: "Fn::Sub" } sub:
                foreach (var reference in InSub(sub.Argument))
                {
                    yield return reference;
                }

                break;
            case CfnFunction f:
                foreach (var reference in In(f.Argument))
                {
                    yield return reference;
                }

                break;
            case CfnList list:
                foreach (var reference in list.Items.SelectMany(In))
                {
                    yield return reference;
                }

                break;
            case CfnMap map:
                foreach (var reference in map.Entries.SelectMany(e => In(e.Value)))
                {
                    yield return reference;
                }

                break;
        }
    }

    /// <summary>The value with each reference that <paramref name="replace"/> maps replaced (null: keep).</summary>
    public static CfnValue Rewrite(CfnValue value, Func<ResourceReference, ResourceReference?> replace) => value switch
    {
        CfnRef r when !IsPseudo(r.LogicalId) && replace(new(r.LogicalId, null)) is { } n => ToValue(n),
        CfnGetAtt g when replace(new(g.LogicalId, g.Attribute)) is { } n => ToValue(n),
        CfnFunction { Name: "Fn::Sub" } sub => new CfnFunction(sub.Name, RewriteSub(sub.Argument, replace)),
        CfnFunction f => new CfnFunction(f.Name, Rewrite(f.Argument, replace)),
        CfnList list => new CfnList([.. list.Items.Select(i => Rewrite(i, replace))]),
        CfnMap map => new CfnMap([.. map.Entries.Select(e => KeyValuePair.Create(e.Key, Rewrite(e.Value, replace)))]),
        _ => value,
    };

    public static CfnMap Rewrite(CfnMap map, Func<ResourceReference, ResourceReference?> replace) => (CfnMap)Rewrite((CfnValue)map, replace);

    /// <summary>
    /// The value with each reference that <paramref name="replace"/> maps replaced by any value (null: keep).
    /// In <c>Fn::Sub</c>, a replacement that is not a plain <c>Ref</c> or <c>Fn::GetAtt</c> becomes a variable of the Sub.
    /// </summary>
    public static CfnValue Replace(CfnValue value, Func<ResourceReference, CfnValue?> replace) => value switch
    {
        CfnRef r when !IsPseudo(r.LogicalId) && replace(new(r.LogicalId, null)) is { } n => n,
        CfnGetAtt g when replace(new(g.LogicalId, g.Attribute)) is { } n => n,
        CfnFunction { Name: "Fn::Sub" } sub => new CfnFunction(sub.Name, ReplaceSub(sub.Argument, replace)),
        CfnFunction f => new CfnFunction(f.Name, Replace(f.Argument, replace)),
        CfnList list => new CfnList([.. list.Items.Select(i => Replace(i, replace))]),
        CfnMap map => new CfnMap([.. map.Entries.Select(e => KeyValuePair.Create(e.Key, Replace(e.Value, replace)))]),
        _ => value,
    };

    public static CfnMap Replace(CfnMap map, Func<ResourceReference, CfnValue?> replace) => (CfnMap)Replace((CfnValue)map, replace);

    private static CfnValue ToValue(ResourceReference reference) =>
        reference.Attribute is null ? CfnValue.Ref(reference.LogicalId) : CfnValue.GetAtt(reference.LogicalId, reference.Attribute);

    private static IEnumerable<ResourceReference> InSub(CfnValue argument)
    {
        var (text, variables) = SubParts(argument);
        var locals = variables?.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (Match match in SubName().Matches(text ?? ""))
        {
            var reference = Parse(match.Groups[1].Value);
            if (!locals.Contains(reference.LogicalId) && !IsPseudo(reference.LogicalId))
            {
                yield return reference;
            }
        }

        foreach (var reference in variables is null ? [] : In(variables))
        {
            yield return reference;
        }
    }

    private static CfnValue RewriteSub(CfnValue argument, Func<ResourceReference, ResourceReference?> replace)
    {
        var (text, variables) = SubParts(argument);
        if (text is null)
        {
            return Rewrite(argument, replace);
        }

        var locals = variables?.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var rewritten = SubName().Replace(text, match =>
        {
            var reference = Parse(match.Groups[1].Value);
            if (locals.Contains(reference.LogicalId) || IsPseudo(reference.LogicalId) || replace(reference) is not { } n)
            {
                return match.Value;
            }

            return n.Attribute is null ? $"${{{n.LogicalId}}}" : $"${{{n.LogicalId}.{n.Attribute}}}";
        });
        return variables is null ? new CfnString(rewritten) : CfnList.Of(new CfnString(rewritten), Rewrite(variables, replace));
    }

    private static CfnValue ReplaceSub(CfnValue argument, Func<ResourceReference, CfnValue?> replace)
    {
        var (text, variables) = SubParts(argument);
        if (text is null)
        {
            return Replace(argument, replace);
        }

        var locals = variables?.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var added = new List<KeyValuePair<string, CfnValue>>();
        var rewritten = SubName().Replace(text, match =>
        {
            var reference = Parse(match.Groups[1].Value);
            if (locals.Contains(reference.LogicalId) || IsPseudo(reference.LogicalId) || replace(reference) is not { } n)
            {
                return match.Value;
            }

            switch (n)
            {
                case CfnRef r:
                    return $"${{{r.LogicalId}}}";
                case CfnGetAtt g:
                    return $"${{{g.LogicalId}.{g.Attribute}}}";
                default:
                    var name = VariableName(reference);
                    if (locals.Add(name))
                    {
                        added.Add(KeyValuePair.Create(name, n));
                    }

                    return $"${{{name}}}";
            }
        });
        var rewrittenVariables = variables is null ? null : Replace(variables, replace);
        if (added.Count == 0)
        {
            return rewrittenVariables is null ? new CfnString(rewritten) : CfnList.Of(new CfnString(rewritten), rewrittenVariables);
        }

        return CfnList.Of(new CfnString(rewritten), new CfnMap([.. rewrittenVariables?.Entries ?? [], .. added]));
    }

    private static string VariableName(ResourceReference reference) =>
        reference.LogicalId + new string([.. (reference.Attribute ?? "").Where(char.IsAsciiLetterOrDigit)]);

    private static (string? Text, CfnMap? Variables) SubParts(CfnValue argument) => argument switch
    {
        CfnString s => (s.Value, null),
        CfnList { Items: [CfnString s, CfnMap variables] } => (s.Value, variables),
        _ => (null, null),
    };

    private static ResourceReference Parse(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new(name, null) : new(name[..dot], name[(dot + 1)..]);
    }

    private static bool IsPseudo(string logicalId) => logicalId.Contains("::", StringComparison.Ordinal);

    /// <summary><c>${Name}</c> or <c>${Name.Attr}</c>, but not the literal <c>${!Name}</c>.</summary>
    [GeneratedRegex(@"\$\{([^!}][^}]*)\}")]
    private static partial Regex SubName();
}
