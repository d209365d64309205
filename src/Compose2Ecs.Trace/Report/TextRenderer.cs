using System.Text;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Report;

/// <summary>The report for people: each call, then its hops with a verdict each; then the unneeded paths.</summary>
public static class TextRenderer
{
    public static string Render(TraceReport report)
    {
        var text = new StringBuilder();
        text.Append("backend ").Append(report.Backend).Append('\n');
        foreach (var trace in report.Calls)
        {
            var call = trace.Call;
            var why = call.Source == CallSource.Environment ? call.Evidence : call.Evidence + $", {call.Host}:{call.Port}";
            text.Append($"{call.Caller} -> {call.Upstream}  ({why}, {call.Protocol.ToString().ToLowerInvariant()})").Append('\n');
            foreach (var hop in trace.Hops)
            {
                var target = hop.Target == call.Upstream ? "" : $"[{hop.Target}] ";
                text.Append($"  {hop.Kind.ToString().ToLowerInvariant(),-8} {target}{hop.Detail}  {Word(hop.Verdict)}").Append('\n');
            }
        }

        if (report.UnusedPaths.Length > 0)
        {
            text.Append("security-group paths no call needs:\n");
            foreach (var path in report.UnusedPaths)
            {
                text.Append($"  {path.From} -> {path.To} {path.Ports} ({path.Rule})").Append('\n');
            }
        }

        var broken = report.Broken.Count();
        text.Append($"{report.Calls.Length} calls, {broken} broken, {report.UnusedPaths.Length} unneeded security-group paths").Append('\n');
        return text.ToString();
    }

    private static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Ok => "ok",
        Verdict.Broken => "BROKEN",
        _ => "unknown",
    };
}
