using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads a rule's <c>match</c>. Checks its own shape (one path kind, a known method, one
/// matcher per header, grpc_method with grpc_service); which conditions the route's protocol
/// allows is checked by <see cref="RouteResolver"/> once the protocol is known.
/// </summary>
internal sealed class MatchReader(NodeReader fields)
{
    private static readonly (string Key, PathMatchKind Kind)[] PathKeys =
        [("path_prefix", PathMatchKind.Prefix), ("path_exact", PathMatchKind.Exact), ("path_regex", PathMatchKind.Regex)];

    public RouteMatch? Read(MappingEntry entry, string path)
    {
        if (fields.Mapping(entry.Value, path) is not { } map)
        {
            return null;
        }

        fields.KnownKeys(map, path, MeshKeys.Match);
        if (map.Entries.Length == 0)
        {
            fields.Error(entry.Key.Location, MeshDiagnosticCodes.InvalidMatch, path, "an empty match matches everything; remove match, or add a condition such as path_prefix");
        }

        var grpcService = map["grpc_service"] is { } gs ? fields.Text(gs, $"{path}.grpc_service") : null;
        var grpcMethod = map["grpc_method"] is { } gm ? fields.Text(gm, $"{path}.grpc_method") : null;
        if (grpcMethod is not null && !map.Contains("grpc_service"))
        {
            fields.Error(map.Find("grpc_method")!.Key.Location, MeshDiagnosticCodes.InvalidMatch, $"{path}.grpc_method", "needs grpc_service: a method is matched within a service, such as catalog.v1.Catalog");
        }

        return new RouteMatch
        {
            Path = Path(map, path),
            Method = Method(map, path),
            Headers = Values(map.Find("headers"), $"{path}.headers", MeshKeys.HeaderMatcher),
            Query = Values(map.Find("query"), $"{path}.query", MeshKeys.QueryMatcher),
            GrpcService = grpcService,
            GrpcMethod = grpcMethod,
            Location = entry.Key.Location,
            ConditionLocations = map.Entries.GroupBy(e => e.Name).ToImmutableDictionary(g => g.Key, g => g.First().Key.Location, StringComparer.Ordinal),
        };
    }

    private PathMatch? Path(MappingNode map, string path)
    {
        var given = PathKeys.Where(k => map.Contains(k.Key)).ToList();
        if (given.Count > 1)
        {
            fields.Error(map.Find(given[1].Key)!.Key.Location, MeshDiagnosticCodes.InvalidMatch, $"{path}.{given[1].Key}",
                $"a match takes one path condition, and {given[0].Key} is already given; keep one, or split them into two rules");
        }

        if (given.Count == 0)
        {
            return null;
        }

        var (key, kind) = given[0];
        var node = map[key]!;
        if (fields.Text(node, $"{path}.{key}") is not { } value)
        {
            return null;
        }

        if (!OneLineText.Check(fields, node, $"{path}.{key}", value))
        {
            return null;
        }

        if (kind == PathMatchKind.Regex)
        {
            CheckRegex(node, $"{path}.{key}", value);
        }
        else if (!value.StartsWith('/'))
        {
            fields.Error(node.Location, MeshDiagnosticCodes.InvalidMatch, $"{path}.{key}", $"\"{value}\" must start with '/', such as /{value}");
        }

        return new PathMatch(kind, value, node.Location);
    }

    private string? Method(MappingNode map, string path)
    {
        if (map["method"] is not { } node || fields.Text(node, $"{path}.method") is not { } method)
        {
            return null;
        }

        if (!MeshKeys.HttpMethods.Contains(method))
        {
            fields.Error(node.Location, MeshDiagnosticCodes.NotAChoice, $"{path}.method",
                $"\"{method}\" is not an HTTP method; use one of {string.Join(", ", MeshKeys.HttpMethods)} (upper case){Suggest.DidYouMean(method.ToUpperInvariant(), MeshKeys.HttpMethods)}");
        }

        return method;
    }

    /// <summary>Headers or query parameters: <c>{ name: { exact: "v" } }</c>, one matcher each.</summary>
    private ImmutableArray<ValueMatch> Values(MappingEntry? entry, string path, ImmutableArray<string> matchers)
    {
        if (entry is null || fields.Mapping(entry.Value, path) is not { } map)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ValueMatch>();
        foreach (var item in map.Entries)
        {
            // Header names are data: "x-canary" is a header to match, not an extension key to skip.
            var itemPath = $"{path}.{item.Name}";
            if (item.Value is not MappingNode { Entries.Length: 1 } matcher)
            {
                fields.Error(item.Value.Location, MeshDiagnosticCodes.WrongKind, itemPath,
                    $"must be a mapping with one of {string.Join(" | ", matchers)}, such as {{ exact: \"true\" }}, not {item.Value.Describe()}");
                continue;
            }

            var condition = matcher.Entries[0];
            if (!matchers.Contains(condition.Name))
            {
                fields.Error(condition.Key.Location, MeshDiagnosticCodes.NotAChoice, itemPath,
                    $"unknown matcher \"{condition.Name}\"; use one of {string.Join(" | ", matchers)}{Suggest.DidYouMean(condition.Name, matchers)}");
                continue;
            }

            var kind = Enum.Parse<ValueMatchKind>(condition.Name, ignoreCase: true);
            if (kind == ValueMatchKind.Present)
            {
                if (fields.Bool(condition.Value, $"{itemPath}.present") is false)
                {
                    fields.Error(condition.Value.Location, MeshDiagnosticCodes.InvalidMatch, $"{itemPath}.present", $"only present: true can be matched; to require that {item.Name} is absent, match the other cases first");
                }

                result.Add(new ValueMatch(item.Name, kind, null, item.Key.Location));
                continue;
            }

            if (!OneLineText.Check(fields, item.Key, itemPath, item.Name))
            {
                continue;
            }

            if (fields.Text(condition.Value, $"{itemPath}.{condition.Name}") is { } value && OneLineText.Check(fields, condition.Value, $"{itemPath}.{condition.Name}", value))
            {
                if (kind == ValueMatchKind.Regex)
                {
                    CheckRegex(condition.Value, $"{itemPath}.regex", value);
                }

                result.Add(new ValueMatch(item.Name, kind, value, item.Key.Location));
            }
        }

        return result.ToImmutable();
    }

    private void CheckRegex(Node node, string path, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            fields.Error(node.Location, MeshDiagnosticCodes.InvalidMatch, path, $"\"{pattern}\" is not a valid regular expression ({e.Message.TrimEnd('.')}); fix the pattern");
        }
    }
}
