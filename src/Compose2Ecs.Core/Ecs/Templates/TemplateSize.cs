using System.Text;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// The byte size of templates as <see cref="TemplateJson"/> writes them, counted without writing
/// them: splitting weighs every resource, and building JSON nodes for 100,000 resources only to
/// count their bytes took seconds. Tests hold it equal to <see cref="TemplateJson.Size"/>.
/// </summary>
public static class TemplateSize
{
    /// <summary>
    /// What the CDK adds to each nested stack resource: it replaces our <c>TemplateURL</c> file name
    /// with an <c>Fn::Join</c> of the asset bucket and the template's hash (about 360 bytes).
    /// </summary>
    public const int CdkStackOverhead = 400;

    private static readonly int NewLine = Environment.NewLine.Length;

    /// <summary>The template's size in bytes, plus <see cref="CdkStackOverhead"/> for each nested stack in it.</summary>
    public static int Of(TemplateDocument document)
    {
        // {"Description": …, "Parameters": {…}, "Resources": {…}, "Outputs": {…}} at depth 0.
        var entries = new List<int>();
        if (document.Description is { } description)
        {
            entries.Add(Key("Description", 1) + String(description));
        }

        if (!document.Parameters.IsEmpty)
        {
            var lists = document.ListParameters.ToHashSet(StringComparer.Ordinal);
            entries.Add(Key("Parameters", 1) + Object(document.Parameters.Select(p =>
                Key(p, 2) + Object([Key("Type", 3) + String(lists.Contains(p) ? "CommaDelimitedList" : "String")], 2)), 1));
        }

        entries.Add(Key("Resources", 1) + Object(document.Resources.Select(r => Key(r.LogicalId, 2) + Resource(r, 2)), 1));
        if (!document.Outputs.IsEmpty)
        {
            entries.Add(Key("Outputs", 1) + Object(document.Outputs.Select(o =>
                Key(o.LogicalId, 2) + Object([Key("Description", 3) + String(o.Description), Key("Value", 3) + Value(o.Value, 3)], 2)), 1));
        }

        var stacks = document.Resources.Count(r => r.Type == StackResource.Type);
        return Object(entries, 0) + stacks * CdkStackOverhead;
    }

    /// <summary>A resource's bytes as an entry of <c>Resources</c> (key, indentation and separating comma included).</summary>
    public static int Entry(TemplateResource resource) => Key(resource.LogicalId, 2) + Resource(resource, 2) + 1 + NewLine;

    /// <summary>The bytes of a value written at <paramref name="depth"/> (its first line's indentation not counted).</summary>
    public static int Value(CfnValue value, int depth) => value switch
    {
        CfnString s => String(s.Value),
        CfnNumber n => n.ToString().Length,
        CfnBool b => b.Value ? 4 : 5,
        CfnRef r => Object([Key("Ref", depth + 1) + String(r.LogicalId)], depth),
        CfnGetAtt g => Object([Key("Fn::GetAtt", depth + 1) + Array([String(g.LogicalId), String(g.Attribute)], depth + 1)], depth),
        CfnFunction f => Object([Key(f.Name, depth + 1) + Value(f.Argument, depth + 1)], depth),
        CfnList l => Array(l.Items.Select(i => Value(i, depth + 1)), depth),
        CfnMap m => Object(m.Entries.Select(e => Key(e.Key, depth + 1) + Value(e.Value, depth + 1)), depth),
        _ => throw new ArgumentException($"unknown value {value}", nameof(value)),
    };

    private static int Resource(TemplateResource resource, int depth)
    {
        var inner = depth + 1;
        var entries = new List<int> { Key("Type", inner) + String(resource.Type) };
        if (!resource.Properties.Entries.IsEmpty)
        {
            entries.Add(Key("Properties", inner) + Value(resource.Properties, inner));
        }

        if (!resource.DependsOn.IsEmpty)
        {
            entries.Add(Key("DependsOn", inner) + Array(resource.DependsOn.Select(String), inner));
        }

        if (resource.DeletionPolicy is { } deletion)
        {
            entries.Add(Key("DeletionPolicy", inner) + String(deletion));
        }

        if (resource.UpdateReplacePolicy is { } replace)
        {
            entries.Add(Key("UpdateReplacePolicy", inner) + String(replace));
        }

        return Object(entries, depth);
    }

    /// <summary>A line's indentation and <c>"key": </c>.</summary>
    private static int Key(string key, int depth) => Indent(depth) + String(key) + 2;

    /// <summary><c>{</c>, each entry on its own line (entries counted with their indentation), commas, <c>}</c> on a line at <paramref name="depth"/>.</summary>
    private static int Object(IEnumerable<int> entries, int depth) => Container(entries, depth, indented: true);

    private static int Array(IEnumerable<int> items, int depth) => Container(items, depth, indented: false);

    private static int Container(IEnumerable<int> parts, int depth, bool indented)
    {
        int count = 0, total = 0;
        foreach (var part in parts)
        {
            count++;
            total += part + NewLine + (indented ? 0 : Indent(depth + 1));
        }

        return count == 0 ? 2 : 2 + total + (count - 1) + NewLine + Indent(depth);
    }

    private static int Indent(int depth) => depth;

    /// <summary>A JSON string literal: printable ASCII costs a byte a character (two for <c>"</c> and <c>\</c>); anything else is measured by the writer itself.</summary>
    private static int String(string value)
    {
        var length = 2;
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return Encoding.UTF8.GetByteCount(TemplateJson.Quote(value));
            }

            length += c is '"' or '\\' ? 2 : 1;
        }

        return length;
    }
}
