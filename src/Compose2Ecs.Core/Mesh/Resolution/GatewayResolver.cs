using System.Collections.Immutable;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Resolves the gateway's routes to services or routes (spec §4) and applies its defaults:
/// alb unless a target speaks tcp; port 443 with a certificate, else 80.
/// </summary>
internal sealed class GatewayResolver(NodeReader fields, MeshDirectory directory, IReadOnlyDictionary<string, MeshRoute> routes)
{
    private const string Path = "x-mesh.gateway";

    public MeshGateway Resolve(GatewaySpec spec)
    {
        var resolved = ImmutableArray.CreateBuilder<GatewayRoute>();
        for (var i = 0; i < spec.Routes.Length; i++)
        {
            if (Target(spec.Routes[i], $"{Path}.routes[{i}].to") is { } route)
            {
                resolved.Add(route);
            }
        }

        var loadBalancer = spec.LoadBalancer
            ?? (resolved.Any(r => r.Protocol == MeshProtocol.Tcp) ? GatewayLoadBalancer.Nlb : GatewayLoadBalancer.Alb);
        CheckLoadBalancer(spec, resolved, loadBalancer);
        CheckDuplicatePrefixes(spec);

        return new MeshGateway
        {
            LoadBalancer = loadBalancer,
            Port = spec.Port ?? (spec.CertificateArn is not null ? 443 : 80),
            CertificateArn = spec.CertificateArn,
            Routes = resolved.ToImmutable(),
            Location = spec.Location,
        };
    }

    private GatewayRoute? Target(GatewayRouteSpec spec, string path)
    {
        if (routes.TryGetValue(spec.To, out var route))
        {
            return new GatewayRoute(spec.PathPrefix, spec.To, UpstreamKind.Route, route.Port, route.Protocol, spec.Location)
            {
                TargetServices = [.. route.TargetServices.Where(t => directory.Service(t)?.Mesh?.Listener is not null)],
            };
        }

        var service = directory.Service(spec.To);
        if (service is null)
        {
            fields.Error(spec.ToLocation, MeshDiagnosticCodes.UnknownReference, path, $"unknown service or route \"{spec.To}\"; the gateway sends requests to a mesh service or a route{directory.DidYouMean(spec.To)}");
            return null;
        }

        if (MeshDirectory.WhyNoListener(service) is { } why)
        {
            fields.Error(spec.ToLocation, MeshDiagnosticCodes.NotReachable, path, $"{why}, so the gateway cannot send requests to it; {MeshDirectory.HowToListen(service)}, or name another service");
            return null;
        }

        var listener = service.Mesh!.Listener!;
        return new GatewayRoute(spec.PathPrefix, spec.To, UpstreamKind.Service, listener.Port, listener.Protocol, spec.Location) { TargetServices = [spec.To] };
    }

    private void CheckLoadBalancer(GatewaySpec spec, ImmutableArray<GatewayRoute>.Builder resolved, GatewayLoadBalancer loadBalancer)
    {
        if (loadBalancer == GatewayLoadBalancer.Alb)
        {
            foreach (var route in resolved.Where(r => r.Protocol == MeshProtocol.Tcp))
            {
                var at = spec.Routes.First(r => r.Location == route.Location).ToLocation;
                fields.Error(at, MeshDiagnosticCodes.CannotCarry, $"{Path}.routes", $"{route.To} speaks tcp, which an alb cannot forward; set load_balancer: nlb, or send the gateway to an http service");
            }

            return;
        }

        for (var i = 0; i < spec.Routes.Length; i++)
        {
            if (i > 0)
            {
                fields.Error(spec.Routes[i].Location, MeshDiagnosticCodes.CannotCarry, $"{Path}.routes[{i}]",
                    "an nlb forwards its port to one target and cannot choose by path; keep one route, or set load_balancer: alb");
            }
            else if (spec.Routes[i].PathPrefix != "/")
            {
                fields.Error(spec.Routes[i].PathLocation, MeshDiagnosticCodes.CannotCarry, $"{Path}.routes[{i}].path_prefix",
                    "an nlb cannot match paths; remove path_prefix, or set load_balancer: alb");
            }
        }
    }

    private void CheckDuplicatePrefixes(GatewaySpec spec)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Routes.Length; i++)
        {
            if (!seen.Add(spec.Routes[i].PathPrefix))
            {
                fields.Error(spec.Routes[i].PathLocation, MeshDiagnosticCodes.RuleNeverApplies, $"{Path}.routes[{i}].path_prefix",
                    $"{spec.Routes[i].PathPrefix} is already routed by an earlier gateway route, so this one never applies; remove it or change the prefix");
            }
        }
    }
}
