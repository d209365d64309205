using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.Consul;

/// <summary>
/// The mesh hop: the target's <c>service-intentions</c> allow the caller — its own source allows
/// it, or there is no source for it and no <c>*</c> deny — evaluated like Consul: the exact
/// source name first, then <c>*</c>.
/// </summary>
public sealed class IntentionRule : IHopRule
{
    public const string Id = "consul.intentions";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        if (!call.IsLocal)
        {
            yield break;
        }

        var intentions = new ConsulView(context.Graph).ConfigEntries.Where(e => e["Kind"]?.GetValue<string>() == "service-intentions").ToList();
        foreach (var target in call.Targets)
        {
            var sources = intentions.Where(i => i["Name"]?.GetValue<string>() == target)
                .SelectMany(i => i["Sources"] as JsonArray ?? [])
                .Select(s => (Name: s?["Name"]?.GetValue<string>(), Action: s?["Action"]?.GetValue<string>()))
                .ToList();
            var exact = sources.FirstOrDefault(s => s.Name == call.Caller);
            var wildcard = sources.FirstOrDefault(s => s.Name == "*");
            var action = exact.Action ?? wildcard.Action;
            yield return action switch
            {
                "allow" => Hop.Ok(HopKind.Mesh, target, Id, $"intention {call.Caller} -> {target} allow"),
                "deny" => Hop.Broken(HopKind.Mesh, target, Id, $"intentions deny {call.Caller} -> {target} ({(exact.Action is null ? "*" : call.Caller)} deny)"),
                _ when intentions.Count == 0 => new Hop(HopKind.Mesh, target, Verdict.Unknown, Id, "no service-intentions written: the servers' default ACL policy decides"),
                _ => new Hop(HopKind.Mesh, target, Verdict.Unknown, Id, $"no intention for {call.Caller} -> {target}: the servers' default ACL policy decides"),
            };
        }
    }
}
