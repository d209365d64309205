using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Resolves routes against the services (spec §3): targets must be mesh services with a
/// listener that speak the route's protocol; protocol and port default from the first
/// target; matches must suit the protocol; a tcp route is one rule with no match.
/// </summary>
internal sealed partial class RouteResolver(NodeReader fields, MeshDirectory directory)
{
    private static readonly string[] HttpOnlyConditions = ["path_prefix", "path_exact", "path_regex", "method", "query"];

    private static readonly string[] GrpcOnlyConditions = ["grpc_service", "grpc_method"];

    public ImmutableArray<MeshRoute> Resolve(IEnumerable<RouteSpec> specs) => [.. specs.Select(Resolve)];

    private MeshRoute Resolve(RouteSpec spec)
    {
        var path = $"x-mesh.routes.{spec.Name}";
        if (directory.Service(spec.Name) is not null)
        {
            fields.Error(spec.Location, MeshDiagnosticCodes.Duplicate, path,
                $"a route may not have the name of a service: callers name both as upstreams and could not tell them apart; rename the route (such as {spec.Name}-route) or the service");
        }
        else if (!RouteName().IsMatch(spec.Name))
        {
            fields.Error(spec.Location, MeshDiagnosticCodes.InvalidName, path,
                $"\"{spec.Name}\" is not a valid route name: it becomes the DNS name {spec.Name}.<namespace>; use letters, digits and '-' (at most 63), starting and ending with a letter or digit");
        }

        var listeners = Targets(spec, path);
        var first = listeners.FirstOrDefault();
        var protocol = spec.Protocol ?? first.Listener?.Protocol ?? MeshProtocol.Http;
        foreach (var (target, listener) in listeners)
        {
            if (listener.Protocol != protocol)
            {
                fields.Error(target.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.rules[{RuleOf(spec, target)}].targets.{target.Service}",
                    $"the route speaks {protocol.Name()} but {target.Service} listens with {listener.Protocol.Name()}; every target must speak the route's protocol: "
                    + $"set x-mesh.protocol: {protocol.Name()} on {target.Service}, or target another service");
            }
        }

        foreach (var rule in spec.Rules)
        {
            CheckRule(rule, protocol, $"{path}.rules[{rule.Index}]");
        }

        if (protocol == MeshProtocol.Tcp && spec.Rules.Length > 1)
        {
            fields.Error(spec.Rules[1].Location, MeshDiagnosticCodes.CannotCarry, $"{path}.rules[1]",
                "a tcp route has exactly one rule: tcp carries no paths or headers to choose a rule by; put all targets, with weights, in one rule");
        }

        return new MeshRoute
        {
            Name = spec.Name,
            Location = spec.Location,
            Protocol = protocol,
            ProtocolLocation = spec.ProtocolLocation,
            Port = spec.Port ?? first.Listener?.Port ?? 80,
            PortLocation = spec.PortLocation,
            Rules = spec.Rules,
        };
    }

    /// <summary>The targets that are mesh services with a listener; reports the others.</summary>
    private List<(WeightedTarget Target, MeshListener Listener)> Targets(RouteSpec spec, string path)
    {
        var result = new List<(WeightedTarget, MeshListener)>();
        foreach (var rule in spec.Rules)
        {
            foreach (var target in rule.Targets)
            {
                var targetPath = $"{path}.rules[{rule.Index}].targets.{target.Service}";
                var service = directory.Service(target.Service);
                if (service is null)
                {
                    fields.Error(target.Location, MeshDiagnosticCodes.UnknownReference, targetPath, directory.Route(target.Service) is not null
                        ? $"{target.Service} is a route, and a route cannot target a route; target the services of {target.Service} instead"
                        : $"unknown service \"{target.Service}\"; a route's targets are mesh services{directory.DidYouMean(target.Service, includeRoutes: false)}");
                }
                else if (MeshDirectory.WhyNoListener(service) is { } why)
                {
                    fields.Error(target.Location, MeshDiagnosticCodes.NotReachable, targetPath, $"{why}; a route's targets must be mesh services with a listener: {MeshDirectory.HowToListen(service)}, or target another service");
                }
                else
                {
                    result.Add((target, service.Mesh!.Listener!));
                }
            }
        }

        return result;
    }

    private void CheckRule(RouteRule rule, MeshProtocol protocol, string path)
    {
        if (rule.Match is { } match)
        {
            if (protocol == MeshProtocol.Tcp)
            {
                fields.Error(match.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.match", "a tcp route cannot match: tcp carries no paths, methods or headers; remove match");
            }
            else
            {
                var notAllowed = protocol == MeshProtocol.Grpc ? HttpOnlyConditions : GrpcOnlyConditions;
                foreach (var key in notAllowed)
                {
                    if (match.ConditionLocations.TryGetValue(key, out var at))
                    {
                        fields.Error(at, MeshDiagnosticCodes.CannotCarry, $"{path}.match.{key}", protocol == MeshProtocol.Grpc
                            ? $"a grpc route matches grpc_service, grpc_method and headers (metadata), not {key}; use grpc_service/grpc_method, or make the route http2"
                            : $"an {protocol.Name()} route matches paths, method, headers and query, not {key}; use path_prefix (such as /{match.GrpcService ?? "package.Service"}/), or make the route grpc");
                    }
                }
            }
        }

        if (protocol == MeshProtocol.Tcp)
        {
            if (rule.Timeout is not null)
            {
                fields.Error(rule.TimeoutLocation, MeshDiagnosticCodes.CannotCarry, $"{path}.timeout", "a tcp route has no requests to time out; remove timeout (set x-mesh.timeout.idle on the target services instead)");
            }

            if (rule.Retries is { } tcpRetries)
            {
                fields.Error(tcpRetries.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.retries", "a tcp route has no requests to retry; remove retries");
            }
        }
        else if (rule.Retries is { } retries && protocol != MeshProtocol.Grpc)
        {
            foreach (var grpcEvent in retries.On.Where(RetryPolicy.GrpcEvents.Contains))
            {
                fields.Error(retries.Location, MeshDiagnosticCodes.CannotCarry, $"{path}.retries.on",
                    $"\"{grpcEvent}\" is a gRPC status, and this route is {protocol.Name()}; use {string.Join(", ", RetryPolicy.HttpEvents)}");
            }
        }
    }

    private static int RuleOf(RouteSpec spec, WeightedTarget target) =>
        spec.Rules.First(r => r.Targets.Contains(target)).Index;

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex RouteName();
}
