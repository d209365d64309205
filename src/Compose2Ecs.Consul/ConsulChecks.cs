using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// What Consul on ECS Fargate cannot express in a mesh the model accepts. The model already
/// checked what the spec states (servers unless dev_server, a bootstrap token with ACLs, no
/// agent keys in dataplane mode, reserved local ports).
/// </summary>
internal static partial class ConsulChecks
{
    /// <summary>Keys Consul on ECS has no use for: warnings, so nothing is dropped silently.</summary>
    private static readonly IgnoredKeys.Rule[] Ignored =
    [
        new("x-mesh.name", "Consul has no mesh name; the datacenter (consul.datacenter) is what groups services"),
        new("x-mesh.tls.acm_pca_arn", "Consul issues its own service certificates (its built-in CA or the one your servers use)"),
        new("x-mesh.routes.*.port", "a Consul route is dialled on the caller's local_port and reaches each target on its own listener port"),
        new("x-mesh.routes.*.rules[].retries.per_try_timeout", "Consul's service-router retries have no per-try timeout"),
        new("services.*.x-mesh.health_check", "Consul takes health from the containers' own health checks, synced by consul-ecs-health-sync"),
        new("services.*.x-mesh.timeout.idle", "Consul's service-defaults has no idle timeout"),
    ];

    public static IEnumerable<Diagnostic> Check(MeshModel model)
    {
        foreach (var warning in IgnoredKeys.Warn(model, "consul", Ignored))
        {
            yield return warning;
        }

        if (model.Tls is { IsModeExplicit: true, Mode: TlsMode.Permissive })
        {
            yield return Diagnostic.Warning(model.Tls.ModeLocation, ConsulDiagnosticCodes.TlsAlwaysOn,
                "x-mesh.tls.mode: Consul's service mesh always uses mutual TLS between sidecars; permissive is treated as strict");
        }

        var consul = model.Settings<ConsulSettings>();
        const string P = "x-mesh.consul";

        foreach (var name in ConsulEcsDefaults.ReservedServiceNames)
        {
            if (model.FindService(name) is { } s)
            {
                yield return Diagnostic.Error(s.Location, EcsDiagnosticCodes.NameCollision, $"services.{name}: the consul backend deploys its own ECS service named \"{name}\"; rename this service");
            }
            else if (model.FindPlainService(name) is { } p)
            {
                yield return Diagnostic.Error(p.Location, EcsDiagnosticCodes.NameCollision, $"services.{name}: the consul backend deploys its own ECS service named \"{name}\"; rename this service");
            }
        }

        // Consul service names: lowercase letters, digits, '-' and '_' (consul-ecs schema: service.name).
        // Routes and the gateway are project-scoped, so a service may take the name one of them has in Consul.
        var consulNames = ConsulNames.For(model);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (model.Gateway is not null)
        {
            names[consulNames.Gateway] = "x-mesh.gateway";
        }

        foreach (var (name, location, what) in model.Services.Select(s => (s.Name, s.Location, "services"))
                     .Concat(model.Routes.Select(r => (r.Name, r.Location, "x-mesh.routes"))))
        {
            var consulName = consulNames.Of(name);
            if (!ValidName().IsMatch(consulName))
            {
                yield return Diagnostic.Error(location, ConsulDiagnosticCodes.InvalidConsulName, $"{what}.{name}: \"{name}\" is not a valid Consul service name even lowercased (letters, digits, '-' and '_', starting and ending with a letter or digit); rename it");
            }
            else if (names.TryGetValue(consulName, out var other))
            {
                yield return Diagnostic.Error(location, ConsulDiagnosticCodes.ConsulNameTaken,
                    $"{what}.{name}: \"{name}\" and \"{other}\" are both \"{consulName}\" in Consul (names are lowercased, '.' becomes '-', and routes and the gateway are prefixed with the project, \"{model.ProjectName}-\"); rename one of them");
            }
            else
            {
                names[consulName] = name;
            }
        }

        foreach (var pairing in ImagePairing.Check(model, consul))
        {
            yield return pairing;
        }

        if (consul.DevServer && consul.Servers.Tls && model.KeyLocations.ContainsKey($"{P}.servers.tls"))
        {
            yield return Diagnostic.Error(model.LocationOf($"{P}.servers.tls"), ConsulDiagnosticCodes.DevServerConflict,
                $"{P}.servers.tls: the dev server has no TLS; remove tls (or set it to false), or point servers.hosts at real servers and drop dev_server");
        }

        if (consul.DevServer && consul.Servers.Hosts is not null)
        {
            yield return Diagnostic.Error(model.LocationOf($"{P}.servers.hosts"), ConsulDiagnosticCodes.DevServerConflict,
                $"{P}.servers.hosts: with dev_server: true the tasks use the dev server's address; remove servers.hosts, or dev_server");
        }

        if (consul.DevServer && consul.Servers.SecurityGroup is not null)
        {
            yield return Diagnostic.Error(model.LocationOf($"{P}.servers.security_group"), ConsulDiagnosticCodes.DevServerConflict,
                $"{P}.servers.security_group: with dev_server: true the rules go to the dev server's own security group; remove servers.security_group, or dev_server");
        }

        if ((consul.Partition is null) != (consul.Namespace is null))
        {
            var key = consul.Partition is null ? "namespace" : "partition";
            yield return Diagnostic.Error(model.LocationOf($"{P}.{key}"), ConsulDiagnosticCodes.TenancyIncomplete,
                $"{P}.{key}: consul-ecs needs partition and namespace together (Consul Enterprise); set both, or neither");
        }

        if (consul.Mode == ConsulMode.Agent)
        {
            if (consul.RetryJoin.IsEmpty && !consul.DevServer)
            {
                yield return Diagnostic.Error(model.LocationOf(P), ConsulDiagnosticCodes.ServersRequired,
                    $"{P}.retry_join: mode: agent runs a Consul client in every task, which joins the servers through retry_join (for example [\"provider=aws tag_key=consul tag_value=server\"], or the servers' DNS name); set it");
            }

            if (consul.Servers.Tls && consul.Servers.CaCertSecretArn is null)
            {
                yield return Diagnostic.Error(model.LocationOf($"{P}.servers"), ConsulDiagnosticCodes.CaRequired,
                    $"{P}.servers.ca_cert_secret_arn: mode: agent with TLS needs the servers' CA (a Secrets Manager secret) for the client's auto_encrypt; set it, or servers.tls: false");
            }
        }

        // Consul's servers usually carry certificates of their own CA, which no task trusts without it.
        if (!consul.DevServer && consul.Servers.Tls && consul.Servers.CaCertSecretArn is null && consul.Mode == ConsulMode.Dataplane)
        {
            yield return Diagnostic.Warning(model.LocationOf($"{P}.servers"), ConsulDiagnosticCodes.CaNotSet,
                $"{P}.servers.ca_cert_secret_arn: not set, so the tasks and the config-entries writer check the servers' certificates against public CAs only; servers with certificates of Consul's own CA are then unreachable (and with config_entries: task the stack rolls back). Set ca_cert_secret_arn to the servers' CA, or servers.tls: false");
        }

        // Agent mode may find the servers by retry_join alone; the ACL logins and the config-entries writer still need their HTTP API.
        if (consul.Mode == ConsulMode.Agent && !consul.DevServer && consul.Servers.Hosts is null)
        {
            if (consul.Acls)
            {
                yield return Diagnostic.Error(model.LocationOf($"{P}.acls"), ConsulDiagnosticCodes.ServersRequired,
                    $"{P}.servers.hosts: with acls: true each task logs in at the servers' HTTP API, so it needs their address; set servers.hosts (a DNS name or IP), or acls: false");
            }

            if (consul.ConfigEntries == ConsulConfigEntries.Task)
            {
                yield return Diagnostic.Error(model.LocationOf(P), ConsulDiagnosticCodes.ServersRequired,
                    $"{P}.config_entries: the run-once task writes config entries at the servers' HTTP API and needs servers.hosts; set servers.hosts, or config_entries: files");
            }
        }

        if (consul.ConfigEntries == ConsulConfigEntries.Task && consul.Servers.Hosts is { } hosts && hosts.StartsWith("exec=", StringComparison.Ordinal))
        {
            yield return Diagnostic.Error(model.LocationOf($"{P}.servers.hosts"), ConsulDiagnosticCodes.ServersRequired,
                $"{P}.config_entries: the run-once task writes config entries through the servers' HTTP API and cannot run \"{hosts}\" to find them; set config_entries: files (and run consul config write yourself), or give servers.hosts as a DNS name or IP");
        }

        foreach (var route in model.Routes)
        {
            if (route.Protocol == MeshProtocol.Tcp && route.Rules.Any(r => r.Targets.Count(t => t.Weight > 0) > 1))
            {
                yield return Diagnostic.Error(route.Location, ConsulDiagnosticCodes.ConsulCannotCarry,
                    $"x-mesh.routes.{route.Name}: Consul splits traffic by weight only for http, http2 and grpc (service-splitter); a tcp route sends everything to one target. Give the rule one target, or use an L7 protocol");
            }

            // Consul applies one upstream config to every target of a route (its discovery chain): targets must agree.
            var options = route.TargetServices
                .Select(t => (Target: t, Service: model.FindService(t)))
                .Select(x => (x.Target, x.Service, Json: x.Service?.Listener is { } l ? ConfigEntries.UpstreamOverride(route.Name, l)?.ToJsonString() : null))
                .Where(x => x.Json is not null)
                .ToList();
            if (options.Select(x => x.Json).Distinct().Count() > 1)
            {
                var second = options.First(x => x.Json != options[0].Json);
                yield return Diagnostic.Error(second.Service!.Listener!.OutlierDetection?.Location ?? second.Service.Listener.ConnectionPool?.Location ?? second.Service.Location,
                    ConsulDiagnosticCodes.RouteTargetOptionsDiffer,
                    $"services.{second.Target}.x-mesh: {second.Target} and {options[0].Target} are both targets of route {route.Name} with different outlier_detection or connection_pool; Consul applies one set to every target of the route its callers name, so give them the same values (or set them on one target only)");
            }

            foreach (var rule in route.Rules)
            {
                if (rule.Match?.Method is not null && route.Protocol == MeshProtocol.Grpc)
                {
                    yield return Diagnostic.Error(rule.Match.Location, ConsulDiagnosticCodes.ConsulCannotCarry, $"x-mesh.routes.{route.Name}.rules[{rule.Index}].match.method: gRPC is always POST; remove method");
                }
            }
        }

        if (model.Gateway is { } gateway)
        {
            var tcp = gateway.Routes.Where(r => r.Protocol == MeshProtocol.Tcp).ToList();
            if (tcp.Count > 0 && (tcp.Count > 1 || gateway.Routes.Length > 1))
            {
                yield return Diagnostic.Error(gateway.Location, ConsulDiagnosticCodes.ConsulCannotCarry,
                    "x-mesh.gateway.routes: the Consul API gateway listens on one port (8443); a tcp listener takes exactly one tcp-route, so a gateway with a tcp target can have only that one route");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$")]
    private static partial Regex ValidName();
}
