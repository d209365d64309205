using System.Collections.Immutable;
using System.Globalization;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// The Service Connect plan: per mesh service a named listener port mapping and a
/// <c>ServiceConnectConfiguration</c> (one endpoint for the service, one more per route that is
/// its single target; none for outbound-only clients), room in the task for the proxy ECS adds,
/// the proxy's logs, TLS with the shared role ECS assumes, one ingress rule per concrete edge,
/// and the gateway's load balancer. Plain services are left as the base made them.
/// </summary>
public static class ServiceConnectTransform
{
    /// <summary>AWS's advice for the Service Connect proxy: add 256 CPU units and at least 64 MiB to the task.</summary>
    public const int ProxyCpu = 256;

    public const int ProxyMemoryMiB = 64;

    /// <summary>The awslogs stream prefix of the proxy's logs.</summary>
    public const string LogStreamPrefix = "service-connect";

    /// <summary>The one role ECS assumes to issue Service Connect certificates from the private CA.</summary>
    public static string TlsRoleId => LogicalIds.Shared("ServiceConnectTlsRole");

    /// <summary>
    /// AWS's managed policy for exactly this role: ACM Private CA certificate issuance and the
    /// <c>ecs-sc!*</c> secrets ECS keeps them in, scoped by AWS to ECS-created resources.
    /// </summary>
    public const string TlsManagedPolicy = "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity";

    public static EcsPlan Apply(EcsPlan plan, BackendContext context)
    {
        var mesh = context.Mesh;
        var diagnostics = new DiagnosticBag();
        var routesByTarget = mesh.Routes.Where(r => r.IsSingleUnconditionalTarget)
            .ToLookup(ServiceConnectChecks.SingleTarget, StringComparer.Ordinal);

        plan = plan.UpdateServices(service => mesh.FindService(service.Name) is { } meshService
            ? Configure(plan, service, meshService, routesByTarget[service.Name], context, diagnostics)
            : service);
        plan = plan.AddIngress(EdgeRules(plan, mesh));
        if (mesh.Tls.IsEnabled && mesh.Services.Any(s => s.Listener is not null))
        {
            plan = plan.AddResources(TlsRole(plan));
        }

        if (mesh.Gateway is { } gateway)
        {
            plan = GatewayPlanner.Apply(plan, mesh, gateway);
        }

        diagnostics.ThrowIfErrors();
        return plan;
    }

    private static ServicePlan Configure(EcsPlan plan, ServicePlan service, MeshService meshService, IEnumerable<MeshRoute> routes,
        BackendContext context, DiagnosticBag diagnostics)
    {
        var endpoints = ImmutableArray.CreateBuilder<CfnValue>();
        if (meshService.Listener is { } listener)
        {
            var composePort = context.Project.FindService(service.Name)?.Ports.FirstOrDefault(p => p.Target == listener.Port && p.Protocol == "tcp");
            var portName = ServiceConnectNames.PortName(service.Name, listener.Port, composePort);
            service = service.UpdateTaskDefinition(task => task.UpdateContainer(task.AppContainerName, app => NamePort(app, listener, portName)));
            endpoints.Add(Endpoint(context.Mesh, service.Name, listener.Port, portName, listener));
            foreach (var route in routes.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                endpoints.Add(Endpoint(context.Mesh, route.Name, route.Port, portName, listener));
            }
        }

        var configuration = new CfnMapBuilder()
            .Add("Enabled", true)
            .Add("Namespace", plan.Namespace.Arn)
            .AddList("Services", endpoints.ToImmutable())
            .Add("LogConfiguration", LogConfiguration(context.Mesh, service))
            .Build();
        service = service.UpdateEcsService(ecs => ecs with { ServiceConnectConfiguration = configuration });
        if (CustomLogGroup(context.Mesh) is { } group)
        {
            service = service with
            {
                ExecutionRole = service.ExecutionRole with
                {
                    Statements = service.ExecutionRole.Statements.Add(new IamStatement(
                        ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                        [LogGroupArn(group, streams: false), LogGroupArn(group, streams: true)])),
                },
            };
        }

        return WithProxyRoom(service, diagnostics);
    }

    /// <summary>The listener's port mapping gets its name and app protocol; a listener the service does not declare is added.</summary>
    private static ContainerPlan NamePort(ContainerPlan app, MeshListener listener, string portName)
    {
        var appProtocol = listener.Protocol switch
        {
            MeshProtocol.Http => "http",
            MeshProtocol.Http2 => "http2",
            MeshProtocol.Grpc => "grpc",
            _ => null,
        };
        var index = app.Ports.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Port == listener.Port && x.p.Protocol == "tcp", (null!, -1)).Item2;
        var named = new ContainerPort(listener.Port, "tcp") { Name = portName, AppProtocol = appProtocol };
        return app with { Ports = index >= 0 ? app.Ports.SetItem(index, app.Ports[index] with { Name = portName, AppProtocol = appProtocol }) : app.Ports.Add(named) };
    }

    /// <summary>One Service Connect endpoint: the Cloud Map service <c>&lt;name&gt;-sc</c> and the client alias <c>&lt;name&gt;:&lt;port&gt;</c>.</summary>
    private static CfnMap Endpoint(MeshModel mesh, string name, int port, string portName, MeshListener listener) => new CfnMapBuilder()
        .Add("PortName", portName)
        .Add("DiscoveryName", ServiceConnectNames.Discovery(name))
        .AddList("ClientAliases", [new CfnMapBuilder().Add("Port", port).Add("DnsName", ServiceConnectNames.Alias(name)).Build()])
        .AddMap("Timeout", Timeout(listener))
        .AddMap("Tls", Tls(mesh))
        .Build();

    private static CfnMap? Timeout(MeshListener listener) => listener.Timeout is not { } timeout ? null : new CfnMapBuilder()
        .Add("IdleTimeoutSeconds", timeout.Idle is { } idle ? ServiceConnectChecks.WholeSeconds(idle) : null)
        // ECS refuses a per-request timeout on a tcp port (the model refuses it too).
        .Add("PerRequestTimeoutSeconds", timeout.PerRequest is { } request && listener.Protocol != MeshProtocol.Tcp ? ServiceConnectChecks.WholeSeconds(request) : null)
        .Build();

    /// <summary>
    /// <c>Services[].Tls</c>: CDK 2.160's typed <c>CfnService</c> has no such property (it needs a property
    /// override there), but the base writes template JSON itself, so the CloudFormation property is simply written.
    /// </summary>
    private static CfnMap? Tls(MeshModel mesh) => mesh.Tls.IsEnabled && mesh.Tls.AcmPcaArn is { } ca
        ? new CfnMapBuilder()
            .Add("IssuerCertificateAuthority", new CfnMapBuilder().Add("AwsPcaAuthorityArn", ca).Build())
            .Add("RoleArn", CfnValue.GetAtt(TlsRoleId, "Arn"))
            .Build()
        : null;

    private static TemplateResource TlsRole(EcsPlan plan) => new(TlsRoleId, "AWS::IAM::Role", new CfnMapBuilder()
        .Add("AssumeRolePolicyDocument", new CfnMapBuilder()
            .Add("Version", "2012-10-17")
            .AddList("Statement", [new CfnMapBuilder()
                .Add("Effect", "Allow")
                .Add("Principal", new CfnMapBuilder().Add("Service", "ecs.amazonaws.com").Build())
                .Add("Action", "sts:AssumeRole")
                .Build()])
            .Build())
        .Add("Description", $"{plan.ProjectName}: ECS issues Service Connect TLS certificates with this role")
        .AddList("ManagedPolicyArns", [CfnValue.Sub(TlsManagedPolicy)])
        .Build());

    /// <summary>The proxy's logs: the service's own log group, or <c>x-mesh.service_connect.log_group</c> when written.</summary>
    private static CfnMap LogConfiguration(MeshModel mesh, ServicePlan service)
    {
        var custom = CustomLogGroup(mesh);
        return new CfnMapBuilder()
            .Add("LogDriver", "awslogs")
            .Add("Options", new CfnMapBuilder()
                .Add("awslogs-group", custom is null ? CfnValue.Ref(service.Ids.LogGroup) : CfnValue.Of(custom))
                .Add("awslogs-region", CfnValue.Ref("AWS::Region"))
                .Add("awslogs-stream-prefix", LogStreamPrefix)
                // A named group is referenced, not owned: created at the first task if it does not exist yet.
                .Add("awslogs-create-group", custom is null ? null : "true")
                .Build())
            .Build();
    }

    /// <summary>The written <c>x-mesh.service_connect.log_group</c>, or null (the model's default means "the service's own").</summary>
    public static string? CustomLogGroup(MeshModel mesh) =>
        mesh.KeyLocations.ContainsKey("x-mesh.service_connect.log_group") ? mesh.Settings<ServiceConnectSettings>().LogGroup : null;

    private static CfnValue LogGroupArn(string group, bool streams) =>
        CfnValue.Sub($"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:{group}{(streams ? ":*" : "")}");

    /// <summary>
    /// ECS adds the proxy container to the task without a task definition entry, so the sizer cannot see it:
    /// the task gets AWS's recommended room for it (256 CPU units, 64 MiB) on top of its containers.
    /// </summary>
    private static ServicePlan WithProxyRoom(ServicePlan service, DiagnosticBag diagnostics)
    {
        var cpu = service.TaskDefinition.Containers.Sum(c => c.Needs.Cpu) + ProxyCpu;
        var memory = service.TaskDefinition.Containers.Sum(c => c.Needs.MemoryMiB) + ProxyMemoryMiB;
        if (FargateSizer.Smallest(cpu, memory) is not { } size)
        {
            diagnostics.Error(service.Location,
                $"service \"{service.Name}\" needs {cpu} CPU units and {memory} MiB with the Service Connect proxy; the largest Fargate task has 16384 CPU units and 122880 MiB. Lower deploy.resources");
            return service;
        }

        return service.UpdateTaskDefinition(task => task with
        {
            Extra = task.Extra
                .With("Cpu", size.Cpu.ToString(CultureInfo.InvariantCulture))
                .With("Memory", size.MemoryMiB.ToString(CultureInfo.InvariantCulture)),
        });
    }

    /// <summary>
    /// One TCP rule per concrete edge: the caller's group may reach the callee's on the callee's
    /// listener port (where the callee's proxy takes the connection), or for a direct edge on each
    /// of the callee's container ports, as with --mesh none. Nothing else between services.
    /// </summary>
    public static IEnumerable<IngressRulePlan> EdgeRules(EcsPlan plan, MeshModel mesh) => EdgeIngress.Rules(mesh, plan);
}
