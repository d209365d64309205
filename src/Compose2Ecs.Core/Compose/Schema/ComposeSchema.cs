using System.Text.Json;
using System.Text.Json.Nodes;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;
using Json.Schema;

namespace Compose2Ecs.Core.Compose.Schema;

/// <summary>
/// The Compose Specification's JSON Schema checks, as compose-go's schema.Validate runs them on
/// each file after interpolation (compose-go's own copy of the schema, draft 2020-12): every failure a located warning (C2E1113) naming the key path
/// and what would be right (a warning: what this loader cannot read is its own error, see docs/compose-compatibility.md). A problem the loader's own checks already reported at the same
/// place (or inside it) is not reported twice: theirs says more.
/// </summary>
internal static class ComposeSchema
{
    private static readonly Lazy<(JsonSchema Schema, JsonNode Root)> Compiled = new(Compile);

    /// <summary>A pass/fail first: four times faster than the detailed results (20,000 services: 0.5 s against 2.3 s), which only a failing file needs.</summary>
    private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag };

    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>
    /// Checks one file; <paramref name="reportedFrom"/> is where this file's findings begin in the
    /// bag (for duplicates). An <paramref name="overrideLayer"/> (a second <c>-f</c> file) may
    /// leave out what a form requires: compose-go validates it merged over the earlier files,
    /// which already carry it (a <c>depends_on</c> entry's <c>condition</c>, a mount's <c>type</c>).
    /// </summary>
    public static void Check(MappingNode parsed, MappingNode interpolated, DiagnosticBag diagnostics, int reportedFrom, bool overrideLayer)
    {
        var (schema, root) = Compiled.Value;
        using var instance = SchemaInstance.ToJson(parsed, interpolated);
        if (schema.Evaluate(instance.RootElement, Quick).IsValid)
        {
            return;
        }

        var results = schema.Evaluate(instance.RootElement, Detailed);

        var reported = diagnostics.Items.Skip(reportedFrom)
            .Where(d => d.Severity == Severity.Error)
            .Select(d => d.Location)
            .ToHashSet();
        var seen = new HashSet<SourceLocation>();
        foreach (var finding in new SchemaResults(root).Collect(results))
        {
            if ((overrideLayer && finding.Keyword == "required")
                || IsServiceCgroup(finding, instance.RootElement)
                || SchemaTarget.Find(interpolated, instance.RootElement, finding.Instance) is not { } target
                || target.Touches(reported)
                || !seen.Add(target.Location(finding.IsUnknownKey)))
            {
                continue;
            }

            diagnostics.Warning(target.Location(finding.IsUnknownKey), ComposeDiagnosticCodes.Schema, SchemaMessages.For(finding, target));
        }
    }

    /// <summary>
    /// <c>cgroup: service:X</c>: the schema's enum has only host and private, but compose-go's
    /// normalizer reads it as a dependency on X (TestNormalizeImplicitDependencies) and so does
    /// this loader; refusing it here would contradict that.
    /// </summary>
    private static bool IsServiceCgroup(SchemaFinding finding, JsonElement root) =>
        finding is { Keyword: "enum", Instance: ["services", _, "cgroup"] }
        && root.GetProperty("services").GetProperty(finding.Instance[1]).GetProperty("cgroup") is { ValueKind: JsonValueKind.String } value
        && value.GetString()!.StartsWith("service:", StringComparison.Ordinal);

    private static (JsonSchema, JsonNode) Compile()
    {
        var text = EmbeddedText.Read(typeof(ComposeSchema).Assembly, "compose-spec.json");

        var root = JsonNode.Parse(text)!;
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return (schema, root);
    }
}
