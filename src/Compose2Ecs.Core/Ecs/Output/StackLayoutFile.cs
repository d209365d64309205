using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Templates;

namespace Compose2Ecs.Core.Ecs.Output;

/// <summary>
/// The stack layout file, <c>compose2ecs.layout.txt</c> beside the compose file (as the CDK keeps
/// <c>cdk.context.json</c> beside its app): one line per service, sorted by name, so two branches
/// that add services merge without conflict. Each line is <c>service security resources generation</c>:
/// the template of the service's security groups and of the rest of its resources, each
/// <c>root</c>, a nested stack ID (<c>SecurityGroups0</c>, <c>ServiceGroup3</c>,
/// <c>Services1/ServiceGroup3</c> under a middle stack) or <c>-</c> (none of that kind); and the
/// run that placed the service (0 for a placement computed from the names; a rule between two
/// services lives with the newer).
/// </summary>
public static partial class StackLayoutFile
{
    public const string DefaultName = "compose2ecs.layout.txt";

    private const string Root = "root";
    private const string None = "-";

    private static readonly string Header = """
        # compose2ecs stack layout: the template that holds each service's resources (docs/synth.md#stack-layout).
        # Commit it beside the compose file: synth keeps every service where this file puts it, so no resource
        # changes stack (CloudFormation would replace it). synth --rebalance computes it anew.
        # service security-groups resources generation

        """.ReplaceLineEndings("\n");

    /// <summary>The file's text: deterministic, LF line endings, one line per service in name order.</summary>
    public static string Format(StackLayout layout)
    {
        var text = new StringBuilder(Header);
        foreach (var service in layout.Services)
        {
            text.Append(service.Service).Append(' ')
                .Append(Show(service.SecurityStack)).Append(' ')
                .Append(Show(service.ServicePath)).Append(' ')
                .Append(service.Generation.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The layout in <paramref name="path"/>, or null when there is no such file.</summary>
    public static StackLayout? Read(string path, string shownAs) =>
        System.IO.File.Exists(path) ? Parse(System.IO.File.ReadAllText(path), shownAs) : null;

    /// <summary>Writes the file only when its text changes, through a temporary file renamed into place.</summary>
    public static bool Write(string path, StackLayout layout)
    {
        var text = Format(layout);
        if (System.IO.File.Exists(path) && System.IO.File.ReadAllText(path) == text)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.File.WriteAllText(temporary, text, new UTF8Encoding(false));
            System.IO.File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            System.IO.File.Delete(temporary);
        }

        return true;
    }

    /// <summary>Reads the text; every problem is an error at its line and column.</summary>
    /// <param name="file">The file name shown in errors.</param>
    public static StackLayout Parse(string text, string file)
    {
        var services = new List<ServicePlacement>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var parents = new Dictionary<string, (string Parent, int Line)>(StringComparer.Ordinal);
        var errors = new List<Diagnostic>();
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].TrimEnd('\r');
            var fields = Fields().Matches(line).Select(m => (m.Value, Column: m.Index + 1)).ToList();
            if (fields.Count == 0 || fields[0].Value.StartsWith('#'))
            {
                continue;
            }

            SourceLocation At(int column) => new(file, number, column);
            void Error(int column, string message) => errors.Add(Diagnostic.Error(At(column), EcsDiagnosticCodes.LayoutMalformed, message));

            if (fields.Count != 4)
            {
                Error(fields.Count > 4 ? fields[4].Column : line.Length + 1,
                    $"a stack layout line is `service security-groups resources generation` (4 fields), not {fields.Count}; e.g. `api SecurityGroups0 ServiceGroup1 0`, or `api root root 0`");
                continue;
            }

            var (name, security, resources, generation) = (fields[0], fields[1], fields[2], fields[3]);
            if (!ServiceName().IsMatch(name.Value))
            {
                Error(name.Column, $"\"{name.Value}\" is not a compose service name (letters, digits, '.', '_', '-')");
                continue;
            }

            if (seen.TryGetValue(name.Value, out var first))
            {
                Error(name.Column, $"service {name.Value} is placed twice (first on line {first}); keep one line per service");
                continue;
            }

            if (!TryStack(security.Value, SecurityStack(), out var securityStack))
            {
                Error(security.Column, $"\"{security.Value}\" is not a security-group template: root, -, or SecurityGroups<n>");
                continue;
            }

            var match = ServicePath().Match(resources.Value);
            string? serviceStack, parent = "";
            if (resources.Value is Root or None)
            {
                serviceStack = resources.Value == Root ? "" : null;
            }
            else if (match.Success)
            {
                parent = match.Groups["parent"].Success ? match.Groups["parent"].Value : "";
                serviceStack = match.Groups["stack"].Value;
                if (parents.TryGetValue(serviceStack, out var known) && known.Parent != parent)
                {
                    Error(resources.Column, $"{serviceStack} is under {Show(known.Parent)} on line {known.Line} but under {Show(parent)} here; a stack has one parent");
                    continue;
                }

                parents.TryAdd(serviceStack, (parent, number));
            }
            else
            {
                Error(resources.Column, $"\"{resources.Value}\" is not a resources template: root, -, ServiceGroup<n> or Services<m>/ServiceGroup<n>");
                continue;
            }

            if (!Generation().IsMatch(generation.Value))
            {
                Error(generation.Column, $"\"{generation.Value}\" is not a generation: a whole number, 0 to 9999999");
                continue;
            }

            seen[name.Value] = number;
            services.Add(new ServicePlacement(name.Value, securityStack, serviceStack, parent,
                int.Parse(generation.Value, CultureInfo.InvariantCulture), At(1)));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return StackLayout.Of(services, file);
    }

    private static bool TryStack(string value, Regex pattern, out string? stack)
    {
        stack = value switch { Root => "", None => null, _ => value };
        return value is Root or None || pattern.IsMatch(value);
    }

    private static string Show(string? stack) => stack switch { null => None, "" => Root, _ => stack };

    [GeneratedRegex(@"\S+")]
    private static partial Regex Fields();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,6})$")]
    private static partial Regex Generation();

    [GeneratedRegex(@"^SecurityGroups(0|[1-9][0-9]{0,6})$")]
    private static partial Regex SecurityStack();

    [GeneratedRegex(@"^((?<parent>Services(0|[1-9][0-9]{0,6}))/)?(?<stack>ServiceGroup(0|[1-9][0-9]{0,6}))$")]
    private static partial Regex ServicePath();
}
