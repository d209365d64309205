using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Consul;

/// <summary>
/// <c>--mesh consul</c>: every mesh service joins a Consul service mesh on ECS, in consul-ecs
/// 0.10's dataplane architecture (default) or the client-agent one (<c>consul.mode: agent</c>),
/// with the security groups, IAM, ACL controller, dev server, API gateway and config entries
/// around the tasks. Everything is plan data.
/// </summary>
public sealed class ConsulBackend : IMeshBackend
{
    public string Name => ConsulSpec.Name;

    public MeshBackendSpec Spec => ConsulSpec.Spec;

    public string Description => "Consul service mesh (consul-ecs 0.10: consul-dataplane, or client agents with consul.mode: agent)";

    public IEnumerable<Diagnostic> Check(MeshModel model) => ConsulChecks.Check(model);

    public EcsPlan Transform(EcsPlan plan, BackendContext context)
    {
        var consul = new ConsulContext(context, plan);
        var model = context.Mesh;
        var settings = model.Settings<ConsulSettings>();
        var acls = settings.Acls;

        // The mesh tasks: sidecars, dependencies, volumes, IAM.
        var meshNames = model.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        plan = plan.UpdateServices(service => model.FindService(service.Name) is { } mesh ? MeshTasks.Join(consul, service, mesh) : service);

        // Apps keep their compose addresses; those that name an upstream now reach its local listener (spec §2).
        plan = UpstreamAddresses.Apply(plan, model, context.Project, settings.RewriteEnv);

        // The backend's own services.
        var own = new List<ServicePlan>();
        var resources = ImmutableArray.CreateBuilder<TemplateResource>();
        var ingress = ImmutableArray.CreateBuilder<IngressRulePlan>();
        var outputs = ImmutableArray.CreateBuilder<TemplateOutput>();
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        var waitFor = ImmutableArray.CreateBuilder<string>();

        resources.Add(ServerRules.ClientGroup(consul, plan));
        outputs.Add(new TemplateOutput(ConsulContext.Ids.ClientSecurityGroupOutput, consul.ClientGroupId,
            "the security group of every task that talks to Consul: the Consul servers must admit it (see docs/consul.md)"));

        if (settings.DevServer)
        {
            own.Add(MeshTasks.AddSecretReads(consul, DevServer.Plan(consul)));
            waitFor.Add(new ServiceIds(ConsulEcsDefaults.DevServerService).EcsService);
            if (acls && settings.BootstrapTokenSecretArn is null)
            {
                resources.AddRange(BootstrapToken.Resources(consul));
            }

            warnings.Add(Diagnostic.Warning(model.LocationOf("x-mesh.consul.dev_server"), ConsulDiagnosticCodes.DevServer,
                "x-mesh.consul.dev_server: deploys one Consul server in dev mode (in memory, no TLS, no persistence): for development and tests, not for production"));
        }
        else if (settings.Servers.SecurityGroup is null)
        {
            warnings.Add(Diagnostic.Warning(model.LocationOf("x-mesh.consul.servers"), ConsulDiagnosticCodes.ServersSecurityGroupNotSet,
                $"x-mesh.consul.servers.security_group: not set, so no rule is added to the servers' group; let it admit the stack output {ConsulContext.Ids.ClientSecurityGroupOutput} on {ServerPorts(consul)}"));
        }

        if (acls)
        {
            own.Add(MeshTasks.AddDiscovery(consul, MeshTasks.AddSecretReads(consul, Acls.Controller(consul))));
            waitFor.Add(new ServiceIds(ConsulEcsDefaults.ControllerService).EcsService);
        }

        if (model.Gateway is { } gateway)
        {
            var (service, gatewayResources, gatewayIngress, output) = ApiGateway.Plan(consul, gateway);
            own.Add(service);
            resources.AddRange(gatewayResources);
            ingress.AddRange(gatewayIngress);
            outputs.Add(output);
        }

        // Config entries: always as files; with config_entries: task, also run once at deploy.
        var entries = ConfigEntries.Build(model);
        var files = entries.Select(e => new OutputFile(e.FileName, e.ToJson())).ToList();
        if (settings.ConfigEntries == ConsulConfigEntries.Task && entries.Count > 0)
        {
            var payload = ConfigEntriesTask.Payload(entries);
            if (payload.Length > ConfigEntriesTask.MaxPayload)
            {
                throw new InvalidInputException(model.LocationOf("x-mesh.consul"), EcsDiagnosticCodes.TooLarge,
                    $"x-mesh.consul.config_entries: the {entries.Count} config entries take {payload.Length / 1024} KiB compressed, more than an ECS task definition holds; set config_entries: files and run consul config write for the files");
            }

            own.Add(ConfigEntriesTask.Task(consul, payload));
            resources.AddRange(ConfigEntriesTask.Runner(consul, plan, waitFor.ToImmutable()));

            // The gateway serves its api-gateway and route entries: it starts once they are written.
            for (var i = 0; i < own.Count; i++)
            {
                if (own[i].Name == ConsulEcsDefaults.GatewayService)
                {
                    own[i] = own[i].UpdateEcsService(e => e with { DependsOn = e.DependsOn.Add(ConsulContext.Ids.ConfigEntriesRun) });
                }
            }
        }

        // Every Consul-speaking task carries the shared client group; with ACLs each reads its own role.
        var withOwn = plan with { Services = [.. plan.Services.Concat(own).OrderBy(s => s.Name, StringComparer.Ordinal)] };
        var speaking = meshNames.Concat(own.Where(s => s.EcsService.Create && s.Name != ConsulEcsDefaults.DevServerService).Select(s => s.Name)).ToHashSet(StringComparer.Ordinal);
        withOwn = withOwn.UpdateServices(service => !speaking.Contains(service.Name) ? service : service.UpdateEcsService(e => e with
        {
            ExtraSecurityGroups = e.ExtraSecurityGroups.Add(consul.ClientGroupId),
            DependsOn = [.. e.DependsOn.Concat(service.Name == ConsulEcsDefaults.DevServerService ? [] : waitFor.Where(w => w != service.Ids.EcsService)).Distinct()],
        }));
        if (acls)
        {
            var logins = withOwn.Services.Where(s => meshNames.Contains(s.Name) || s.Name == ConsulEcsDefaults.GatewayService).ToList();
            resources.AddRange(logins.Select(Acls.GetRolePolicy));

            // The first tasks log in at once: their ECS service waits for the iam:GetRole grant (as the modules' depends_on do).
            var loginNames = logins.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            withOwn = withOwn.UpdateServices(service => !loginNames.Contains(service.Name) ? service : service.UpdateEcsService(e => e with
            {
                DependsOn = [.. e.DependsOn.Append(Acls.GetRolePolicy(service).LogicalId).Distinct()],
            }));
        }

        ingress.AddRange(ServerRules.Edges(consul, withOwn));
        ingress.AddRange(ServerRules.ToServers(consul));
        if (!model.Services.IsEmpty)
        {
            warnings.Add(Diagnostic.Warning(model.Location.IsKnown ? model.Location : model.Services[0].Location, ConsulDiagnosticCodes.NoTransparentProxy,
                "consul: Fargate gives no NET_ADMIN, so there is no transparent proxy: apps reach an upstream at localhost:<local_port> (compose2ecs graph --mesh consul lists them), not at its DNS name; environment values that name an upstream are rewritten to it (C2E5005)"));
        }

        return withOwn
            .AddResources(resources.ToImmutable())
            .AddIngress(ingress.ToImmutable())
            .AddOutputs(outputs.ToImmutable())
            .AddWarnings(warnings.ToImmutable())
            .AddFiles(files);
    }

    private static string ServerPorts(ConsulContext consul) => consul.Agent
        ? $"{consul.Servers.HttpPort}/tcp, 8300/tcp and 8301/tcp+udp (and let the servers reach it on 8301/tcp+udp)"
        : $"{consul.Servers.HttpPort}/tcp and {consul.Servers.GrpcPort}/tcp";
}
