using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Compose2Ecs.Trace.Assembly;

/// <summary>
/// Resolves CloudFormation intrinsics across the assembly: <c>Ref</c> of a parameter follows the
/// value the parent passes to the nested stack; <c>Fn::GetAtt</c> of a nested stack's
/// <c>Outputs.X</c> follows that output; <c>Fn::ImportValue</c> follows the export;
/// <c>Fn::Join</c> of ids with "," is a list (how our splitter passes many ids in one
/// <c>CommaDelimitedList</c> parameter), read back by <c>Fn::Select</c> over it or over <c>Fn::Split</c>.
/// </summary>
internal sealed partial class Intrinsics(IReadOnlyList<StackTemplate> templates)
{
    private const int MaxDepth = 64;

    private readonly Dictionary<(string, string), StackTemplate> _children = templates
        .Where(t => t.Parent is not null)
        .ToDictionary(t => (t.Parent!.Path, t.StackResource!), t => t);

    private Dictionary<string, (StackTemplate, JsonNode?)>? _exports;

    public CfnVal Resolve(JsonNode? node, StackTemplate stack) => Resolve(node, stack, 0);

    private CfnVal Resolve(JsonNode? node, StackTemplate stack, int depth)
    {
        if (depth > MaxDepth)
        {
            return new CfnUnknown("a reference cycle");
        }

        switch (node)
        {
            case null:
                return new CfnUnknown("null");
            case JsonValue value:
                return new CfnLiteral(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
            case JsonArray array:
                return new CfnListValue([.. array.Select(i => Resolve(i, stack, depth + 1))]);
            case JsonObject obj when obj.Count == 1:
                var (name, argument) = obj.First();
                switch (name)
                {
                    case "Ref":
                        return Ref(argument?.GetValue<string>() ?? "", stack, depth);
                    case "Fn::GetAtt":
                        return GetAtt(argument, stack, depth);
                    case "Fn::Join":
                        return Join(argument as JsonArray, stack, depth);
                    case "Fn::Select":
                        return Select(argument as JsonArray, stack, depth);
                    case "Fn::Split":
                        return Split(argument as JsonArray, stack, depth);
                    case "Fn::ImportValue":
                        return Import(Resolve(argument, stack, depth + 1).Text, depth);
                    case "Fn::Sub":
                        return Sub(argument, stack, depth);
                    case "Fn::FindInMap" or "Fn::GetAZs" or "Fn::If" or "Fn::Base64" or "Fn::Cidr":
                        return new CfnUnknown(name);
                }

                goto default;
            case JsonObject obj:
            default:
                var map = (JsonObject)node;
                return new CfnObjectValue(map.ToImmutableDictionary(e => e.Key, e => Resolve(e.Value, stack, depth + 1), StringComparer.Ordinal));
        }
    }

    private CfnVal Ref(string name, StackTemplate stack, int depth)
    {
        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return new CfnUnknown(name);
        }

        if (stack.Resources.ContainsKey(name))
        {
            return new CfnResourceValue(new ResourceId(stack.Path, name), null);
        }

        if (stack.Parameters[name] is JsonObject parameter)
        {
            if (stack.Parent is null || stack.Parent.Resources[stack.StackResource!]?["Properties"]?["Parameters"]?[name] is not { } passed)
            {
                return parameter["Default"] is { } d ? Resolve(d, stack, depth + 1) : new CfnUnknown($"parameter {name}");
            }

            var value = Resolve(passed, stack.Parent, depth + 1);
            return parameter["Type"]?.GetValue<string>() == "CommaDelimitedList" && value is CfnLiteral list
                ? new CfnListValue([.. list.Value.Split(',').Select(s => (CfnVal)new CfnLiteral(s))])
                : value;
        }

        return new CfnUnknown($"Ref {name} (not in {stack.Path})");
    }

    private CfnVal GetAtt(JsonNode? argument, StackTemplate stack, int depth)
    {
        string? id, attribute;
        if (argument is JsonArray { Count: 2 } pair)
        {
            id = pair[0]?.GetValue<string>();
            attribute = pair[1]?.GetValue<string>();
        }
        else
        {
            var text = argument?.GetValue<string>() ?? "";
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            (id, attribute) = dot < 0 ? (text, null) : (text[..dot], text[(dot + 1)..]);
        }

        if (id is null || !stack.Resources.ContainsKey(id))
        {
            return new CfnUnknown($"GetAtt {id} (not in {stack.Path})");
        }

        if (attribute is not null && attribute.StartsWith("Outputs.", StringComparison.Ordinal) && _children.TryGetValue((stack.Path, id), out var child))
        {
            var output = attribute["Outputs.".Length..];
            return child.Outputs[output]?["Value"] is { } v ? Resolve(v, child, depth + 1) : new CfnUnknown($"output {output} of {child.Path}");
        }

        return new CfnResourceValue(new ResourceId(stack.Path, id), attribute);
    }

    private CfnVal Join(JsonArray? argument, StackTemplate stack, int depth)
    {
        if (argument is not { Count: 2 })
        {
            return new CfnUnknown("Fn::Join");
        }

        var separator = argument[0]?.GetValue<string>() ?? "";
        var items = Resolve(argument[1], stack, depth + 1) is CfnListValue l ? l.Items : [];
        if (items.All(i => i.Text is not null))
        {
            return new CfnLiteral(string.Join(separator, items.Select(i => i.Text)));
        }

        // Ids joined for a CommaDelimitedList parameter: keep them as a list.
        return separator == "," ? new CfnListValue(items) : new CfnUnknown("Fn::Join of values known at deploy time");
    }

    private CfnVal Select(JsonArray? argument, StackTemplate stack, int depth)
    {
        if (argument is not { Count: 2 }
            || !int.TryParse(Resolve(argument[0], stack, depth + 1).Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return new CfnUnknown("Fn::Select");
        }

        return Resolve(argument[1], stack, depth + 1) is CfnListValue list && index >= 0 && index < list.Items.Length
            ? list.Items[index]
            : new CfnUnknown($"Fn::Select {index} of a value that is not a list that long");
    }

    private CfnVal Split(JsonArray? argument, StackTemplate stack, int depth)
    {
        if (argument is not { Count: 2 })
        {
            return new CfnUnknown("Fn::Split");
        }

        var separator = argument[0]?.GetValue<string>() ?? ",";
        return Resolve(argument[1], stack, depth + 1) switch
        {
            CfnListValue list => list,
            CfnLiteral literal => new CfnListValue([.. literal.Value.Split(separator).Select(s => (CfnVal)new CfnLiteral(s))]),
            var other => other,
        };
    }

    private CfnVal Import(string? name, int depth)
    {
        _exports ??= templates
            .SelectMany(t => t.Outputs.Select(o => (Template: t, Output: o.Value)))
            .Select(x => (x.Template, x.Output, Name: x.Output?["Export"]?["Name"] is { } n ? Resolve(n, x.Template, 0).Text : null))
            .Where(x => x.Name is not null)
            .GroupBy(x => x.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Template, g.First().Output?["Value"]), StringComparer.Ordinal);
        return name is not null && _exports.TryGetValue(name, out var export)
            ? Resolve(export.Item2, export.Item1, depth + 1)
            : new CfnUnknown($"Fn::ImportValue {name} (no such export in the assembly)");
    }

    private CfnVal Sub(JsonNode? argument, StackTemplate stack, int depth)
    {
        var (text, variables) = argument switch
        {
            JsonArray { Count: 2 } a => (a[0]?.GetValue<string>() ?? "", a[1] as JsonObject),
            _ => (argument?.GetValue<string>() ?? "", null),
        };
        var known = true;
        var result = SubVariable().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var value = variables?[name] is { } v
                ? Resolve(v, stack, depth + 1)
                : name.Contains('.', StringComparison.Ordinal)
                    ? GetAtt(JsonValue.Create(name), stack, depth + 1)
                    : Ref(name, stack, depth + 1);
            known &= value.Text is not null;
            return value.Text ?? m.Value;
        });
        return known ? new CfnLiteral(result) : new CfnUnknown($"Fn::Sub {result}");
    }

    [GeneratedRegex(@"\$\{([^!}][^}]*)\}")]
    private static partial Regex SubVariable();
}
