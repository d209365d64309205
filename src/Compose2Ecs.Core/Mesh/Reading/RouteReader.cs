using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads <c>x-mesh.routes</c> (spec §3) into routes with typed rules. What depends on the
/// targets (protocol, port, which matches the protocol allows) is checked by <see cref="RouteResolver"/>.
/// </summary>
internal sealed class RouteReader(NodeReader fields)
{
    public ImmutableArray<RouteSpec> Read(MappingEntry? entry)
    {
        if (entry is null || fields.Mapping(entry.Value, "x-mesh.routes") is not { } routes)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<RouteSpec>();
        foreach (var route in routes.Entries)
        {
            // Route names are the user's data, not spec keys: an "x-" name is a route too.
            if (Route(route) is { } spec)
            {
                result.Add(spec);
            }
        }

        return result.ToImmutable();
    }

    private RouteSpec? Route(MappingEntry entry)
    {
        var path = $"x-mesh.routes.{entry.Name}";
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.Route);
        var protocol = map["protocol"] is { } p ? fields.Choice(p, $"{path}.protocol", MeshNames.Protocols) : null;
        var port = map["port"] is { } n ? fields.Port(n, $"{path}.port") : null;
        ImmutableArray<RouteRule> rules = [];
        if (map.Find("rules") is not { } rulesEntry)
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.MissingKey, path, "rules is required; add at least one rule with targets, such as rules: [{ targets: { my-service: 1 } }]");
        }
        else if (rulesEntry.Value is not SequenceNode { Items.Length: > 0 } seq)
        {
            fields.Error(rulesEntry.Value.Location, MeshDiagnosticCodes.WrongKind, $"{path}.rules", $"must be a non-empty list of rules, not {rulesEntry.Value.Describe()}");
        }
        else
        {
            rules = Rules(seq, $"{path}.rules");
        }

        return new RouteSpec(
            entry.Name,
            entry.Key.Location,
            protocol,
            map["protocol"]?.Location ?? entry.Key.Location,
            port,
            map["port"]?.Location ?? entry.Key.Location,
            rules);
    }

    private ImmutableArray<RouteRule> Rules(SequenceNode seq, string path)
    {
        var rules = ImmutableArray.CreateBuilder<RouteRule>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var rulePath = $"{path}[{i}]";
            if (fields.Mapping(seq.Items[i], rulePath) is not { } map)
            {
                continue;
            }

            fields.KnownKeys(map, rulePath, MeshKeys.Rule);
            var matchEntry = map.Find("match");
            var match = matchEntry is not null ? new MatchReader(fields).Read(matchEntry, $"{rulePath}.match") : null;
            if (matchEntry is null && i < seq.Items.Length - 1)
            {
                fields.Error(map.Location, MeshDiagnosticCodes.RuleNeverApplies, rulePath,
                    $"rule {i + 1} has no match, so it takes all traffic and the rules after it never apply; add a match, or move it last");
            }

            rules.Add(new RouteRule
            {
                Index = i,
                Match = match,
                Targets = Targets(map, rulePath),
                Timeout = map["timeout"] is { } t ? fields.Duration(t, $"{rulePath}.timeout") : null,
                TimeoutLocation = map.Find("timeout")?.Key.Location ?? SourceLocation.None,
                Retries = map.Find("retries") is { } r ? Retries(r, $"{rulePath}.retries") : null,
                Location = map.Location,
            });
        }

        return rules.ToImmutable();
    }

    private ImmutableArray<WeightedTarget> Targets(MappingNode rule, string path)
    {
        if (rule.Find("targets") is not { } entry)
        {
            fields.Error(rule.Location, MeshDiagnosticCodes.MissingKey, path, "targets is required; name the services that get this traffic with a weight each, such as targets: { api-v1: 1 }");
            return [];
        }

        var targetsPath = $"{path}.targets";
        if (entry.Value is not MappingNode { Entries.Length: > 0 } map)
        {
            fields.Error(entry.Value.Location, MeshDiagnosticCodes.WrongKind, targetsPath, $"must be a non-empty mapping of service: weight, such as {{ api-v1: 90, api-v2: 10 }}, not {entry.Value.Describe()}");
            return [];
        }

        var targets = ImmutableArray.CreateBuilder<WeightedTarget>();
        foreach (var target in map.Entries)
        {
            if (fields.Int(target.Value, $"{targetsPath}.{target.Name}", 0, 100) is { } weight)
            {
                targets.Add(new WeightedTarget(target.Name, weight, target.Key.Location));
            }
        }

        if (targets.Count == map.Entries.Length && targets.All(t => t.Weight == 0))
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.RuleNeverApplies, targetsPath, "every weight is 0, so this rule would send traffic nowhere; give at least one target a weight above 0");
        }

        return targets.ToImmutable();
    }

    private RetryPolicy? Retries(MappingEntry entry, string path)
    {
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.Retries);
        int? attempts = null;
        if (map["attempts"] is { } a)
        {
            attempts = fields.Int(a, $"{path}.attempts", 1, 10);
        }
        else
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.MissingKey, path, "attempts is required; say how many times to retry, such as attempts: 3");
        }

        var on = RetryPolicy.DefaultOn;
        if (map["on"] is { } onNode && fields.StringList(onNode, $"{path}.on") is { } events)
        {
            var known = RetryPolicy.HttpEvents.AddRange(RetryPolicy.GrpcEvents);
            var items = onNode is SequenceNode seq ? seq.Items : [onNode];
            for (var i = 0; i < events.Length; i++)
            {
                if (!known.Contains(events[i]))
                {
                    fields.Error(items[i].Location, MeshDiagnosticCodes.NotAChoice, $"{path}.on",
                        $"\"{events[i]}\" is not a retry event; use {string.Join(", ", known)}{Suggest.DidYouMean(events[i], known)}");
                }
            }

            if (events.IsEmpty)
            {
                fields.Error(onNode.Location, MeshDiagnosticCodes.MissingKey, $"{path}.on", $"must name at least one retry event, such as [{string.Join(", ", RetryPolicy.DefaultOn)}]");
            }

            on = events;
        }

        return new RetryPolicy(
            attempts ?? 1,
            map["per_try_timeout"] is { } t ? fields.Duration(t, $"{path}.per_try_timeout") ?? RetryPolicy.DefaultPerTryTimeout : RetryPolicy.DefaultPerTryTimeout,
            on,
            entry.Key.Location);
    }
}
