using System.Globalization;

namespace Compose2Ecs.Core.Mesh;

/// <summary>A rule's match and a target's share in words, for the graph and for messages.</summary>
public static class RuleText
{
    /// <summary>
    /// <c>path_prefix /v2, method GET, header x-canary exact "true"</c>; without a match,
    /// <c>all traffic</c> (the only rule) or <c>everything else</c> (after rules that match).
    /// </summary>
    public static string Condition(RouteRule rule)
    {
        var unconditional = rule.Index == 0 ? "all traffic" : "everything else";
        if (rule.Match is not { } match)
        {
            return unconditional;
        }

        var parts = new List<string>();
        if (match.Path is { } path)
        {
            parts.Add($"{path.Kind.Name()} {path.Value}");
        }

        if (match.Method is { } method)
        {
            parts.Add($"method {method}");
        }

        parts.AddRange(match.Headers.Select(h => $"header {Value(h)}"));
        parts.AddRange(match.Query.Select(q => $"query {Value(q)}"));
        if (match.GrpcService is { } service)
        {
            parts.Add(match.GrpcMethod is { } grpcMethod ? $"grpc {service}/{grpcMethod}" : $"grpc {service}");
        }

        return parts.Count == 0 ? unconditional : string.Join(", ", parts);
    }

    /// <summary><c>weight 90 (90%)</c>: the weight as written and the share of the rule's traffic it means.</summary>
    public static string Weight(RouteRule rule, WeightedTarget target)
    {
        var share = rule.TotalWeight == 0 ? 0 : target.Weight * 100.0 / rule.TotalWeight;
        return $"weight {target.Weight} ({Math.Round(share, 1).ToString(CultureInfo.InvariantCulture)}%)";
    }

    private static string Value(ValueMatch match) =>
        match.Kind == ValueMatchKind.Present ? $"{match.Name} present" : $"{match.Name} {match.Kind.Name()} \"{match.Value}\"";
}
