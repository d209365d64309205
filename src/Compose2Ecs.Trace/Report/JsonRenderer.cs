using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compose2Ecs.Trace.Report;

/// <summary>The report for programs: stable keys, enums as lower-case words.</summary>
public static class JsonRenderer
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Render(TraceReport report)
    {
        var root = new JsonObject
        {
            ["backend"] = report.Backend,
            ["broken"] = report.IsBroken,
            ["calls"] = new JsonArray([.. report.Calls.Select(c => (JsonNode)new JsonObject
            {
                ["caller"] = c.Call.Caller,
                ["upstream"] = c.Call.Upstream,
                ["targets"] = new JsonArray([.. c.Call.Targets.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["host"] = c.Call.Host,
                ["port"] = c.Call.Port,
                ["protocol"] = c.Call.Protocol.ToString().ToLowerInvariant(),
                ["source"] = c.Call.Source.ToString().ToLowerInvariant(),
                ["evidence"] = c.Call.Evidence,
                ["broken"] = c.IsBroken,
                ["hops"] = new JsonArray([.. c.Hops.Select(h => (JsonNode)new JsonObject
                {
                    ["kind"] = h.Kind.ToString().ToLowerInvariant(),
                    ["target"] = h.Target,
                    ["verdict"] = h.Verdict.ToString().ToLowerInvariant(),
                    ["rule"] = h.Rule,
                    ["detail"] = h.Detail,
                })]),
            })]),
            ["unusedPaths"] = new JsonArray([.. report.UnusedPaths.Select(u => (JsonNode)new JsonObject
            {
                ["from"] = u.From,
                ["to"] = u.To,
                ["ports"] = u.Ports,
                ["rule"] = u.Rule,
            })]),
        };
        return root.ToJsonString(Options) + "\n";
    }
}
