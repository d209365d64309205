using System.Reflection;
using System.Text.RegularExpressions;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Diagnostic codes are a public contract (users suppress and match them): every code is
/// declared once, in a <c>*DiagnosticCodes</c> class, in its stage's range, and documented in
/// docs/diagnostics.md; the page lists no code that does not exist.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    private static readonly string[] AssemblyNames =
    [
        "Compose2Ecs.Core", "Compose2Ecs.AppMesh", "Compose2Ecs.Consul", "Compose2Ecs.ServiceConnect",
        "compose2ecs", "Compose2Ecs.Migration", "Compose2Ecs.Trace",
    ];

    [Fact]
    public void Every_declared_code_is_unique_well_formed_and_documented()
    {
        var declared = DeclaredCodes().ToArray();
        Assert.NotEmpty(declared);

        var duplicates = declared.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
        Assert.All(declared, c => Assert.Matches(CodeFormat(), c.Code));

        var documented = DocumentedCodes();
        Assert.Empty(declared.Select(c => c.Code).Except(documented));
        Assert.Empty(documented.Except(declared.Select(c => c.Code)));
    }

    private static IEnumerable<(string Owner, string Code)> DeclaredCodes() =>
        from name in AssemblyNames
        from type in Assembly.Load(name).GetTypes()
        where type.Name.EndsWith("DiagnosticCodes", StringComparison.Ordinal)
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field is { IsLiteral: true } && field.FieldType == typeof(string)
        select (type.FullName!, (string)field.GetRawConstantValue()!);

    private static HashSet<string> DocumentedCodes()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "diagnostics.md"));
        return DocumentedRow().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^C2E[1-9]\d{3}$")]
    private static partial Regex CodeFormat();

    [GeneratedRegex(@"^\| (C2E\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();
}
