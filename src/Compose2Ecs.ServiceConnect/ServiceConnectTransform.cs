using System.Collections.Immutable;
using System.Globalization;
using Compose2Ecs.Core.Compose.Model;
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
        plan = SharedNamespace.Apply(plan, mesh);
        var diagnostics = new DiagnosticBag();
        var routesByTarget = mesh.Routes.Where(r => r.IsSingleUnconditionalTarget)
            .ToLookup(ServiceConnectChecks.SingleTarget, StringComparer.Ordinal);

        var ingressPorts = IngressPorts.For(plan, mesh);
        var clients = PlainClients(mesh);
        var calledPorts = CalledPorts.Find(plan, mesh);
        var extraPorts = calledPorts.ToLookup(u => u.Target, u => u.Port, StringComparer.Ordinal);
        plan = plan.UpdateServices(service => mesh.FindService(service.Name) is { } meshService
            ? Configure(plan, service, meshService.Listener, routesByTarget[service.Name], ingressPorts.TryGetValue(service.Name, out var ingress) ? ingress : null,
                [.. extraPorts[service.Name].Distinct()], context, diagnostics)
            : clients.Contains(service.Name)
                ? Configure(plan, service, null, [], null, [], context, diagnostics)
                : service);
        plan = plan.AddIngress(EdgeRules(plan, mesh, ingressPorts)
            .Concat(calledPorts.Select(u => IngressRules.Between(u.Target, u.Caller, "tcp", u.Port, u.Port)))
            .DistinctBy(r => r.LogicalId));
        if (mesh.Tls.IsEnabled && mesh.Services.Any(s => s.Listener is not null))
        {
            plan = plan.AddResources(TlsRole(plan));
        }

        if (mesh.Gateway is { } gateway)
        {
            plan = GatewayPlanner.Apply(plan, mesh, gateway, context.Project);
        }

        diagnostics.ThrowIfErrors();
        plan = plan.AddWarnings(diagnostics.Warnings);
        plan = LocalListenerAddresses.Rewrite(HealthStartPeriod.Apply(StartupOrder.Apply(plan, mesh), mesh), mesh, context.Project, ServiceConnectNames.Alias,
            ServiceConnectDiagnosticCodes.LocalhostAddress,
            "which Service Connect does not have: its proxy takes calls to the client alias (the rewritten value also works with --mesh appmesh and none)");
        return NamespaceScope.Apply(plan, mesh, context.Project);
    }

    /// <summary>
    /// Port-less services the model leaves plain (<see cref="PlainReason.NoPort"/>) that call a mesh service:
    /// they become Service Connect clients, so they dial the same aliases as every other caller (and, with
    /// TLS, their proxy speaks TLS to the endpoint, which a plain connection could not). <c>x-mesh: false</c>
    /// is the user's choice and stays plain (with TLS, calling a mesh service that way is an error: <see cref="ServiceConnectChecks"/>).
    /// </summary>
    public static IReadOnlySet<string> PlainClients(MeshModel mesh) =>
        mesh.PlainServices.Where(p => p.Reason == PlainReason.NoPort)
            .Where(p => mesh.ConcreteEdges.Any(e => e.Caller == p.Name && mesh.FindService(e.Target)?.Listener is not null))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

    private static ServicePlan Configure(EcsPlan plan, ServicePlan service, MeshListener? serverListener, IEnumerable<MeshRoute> routes,
        int? ingressPortOverride, ImmutableArray<int> extraPorts, BackendContext context, DiagnosticBag diagnostics)
    {
        var endpoints = new List<EndpointSpec>();
        if (serverListener is { } listener)
        {
            var composePort = context.Project.FindService(service.Name)?.Ports.FirstOrDefault(p => p.Target == listener.Port && p.Protocol == "tcp");
            var portName = ServiceConnectNames.PortName(service.Name, listener.Port, composePort);
            var wire = DefaultedHttpOnDataPort(context.Mesh, service.Name, listener, composePort) ? listener with { Protocol = MeshProtocol.Tcp } : listener;
            service = service.UpdateTaskDefinition(task => task.UpdateContainer(task.AppContainerName, app => NamePort(app, wire, portName)));
            endpoints.Add(new EndpointSpec(service.Name, service.Name, listener.Port, portName, listener, ingressPortOverride));
            foreach (var route in routes.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                endpoints.Add(new EndpointSpec(route.Name, route.Name, route.Port, portName, listener, ingressPortOverride));
            }

            // Every other port its callers use: an endpoint each, on its own named port mapping (see CalledPorts).
            foreach (var port in extraPorts.Order())
            {
                var compose = context.Project.FindService(service.Name)?.Ports.FirstOrDefault(p => p.Target == port && p.Protocol == "tcp");
                var extra = new MeshListener
                {
                    Port = port,
                    Protocol = compose?.AppProtocol is { } written && MeshNames.AppProtocols.TryGetValue(written, out var parsed) ? parsed : MeshProtocol.Tcp,
                    PortLocation = listener.PortLocation,
                    ProtocolLocation = listener.ProtocolLocation,
                };
                var name = ServiceConnectNames.PortName(service.Name, port, compose);
                service = service.UpdateTaskDefinition(task => task.UpdateContainer(task.AppContainerName, app => NamePort(app, extra, name)));
                endpoints.Add(new EndpointSpec($"{service.Name}-{port}", service.Name, port, name, extra, null));
            }
        }

        // ECS allows one client alias per endpoint: the short names first (as callers dial them under compose),
        // then each again as <name>.<namespace>, the other form spec §2 lets apps use.
        var entries = endpoints.Select(e => Endpoint(context.Mesh, e, ServiceConnectNames.Discovery(e.Name), ServiceConnectNames.Alias(e.AliasOf)))
            .Concat(endpoints.Select(e => ServiceConnectNames.NamespacedAlias(e.AliasOf, context.Mesh.Namespace) is { } alias
                ? Endpoint(context.Mesh, e, ServiceConnectNames.NamespacedDiscovery(e.Name), alias)
                : null).OfType<CfnMap>())
            .Cast<CfnValue>()
            .ToImmutableArray();

        var configuration = new CfnMapBuilder()
            .Add("Enabled", true)
            .Add("Namespace", plan.Namespace.Arn)
            .AddList("Services", entries)
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

    /// <summary>Ports of databases, caches and brokers, whose clients never speak HTTP (trace's AddressParser knows the same list).</summary>
    public static readonly IReadOnlySet<int> DataPorts = new HashSet<int> { 5432, 3306, 6379, 27017, 5672, 11211, 9042, 1433, 1521, 4222, 2181, 9092, 26257, 6650, 7687 };

    /// <summary>
    /// True when the listener is http only by default (no <c>x-mesh.protocol</c>, no <c>app_protocol</c>) on a
    /// database, cache or broker port: an <c>AppProtocol: http</c> there makes the proxy parse Postgres or Redis
    /// traffic as HTTP, which breaks it, so the port mapping gets no <c>AppProtocol</c> (carried as tcp).
    /// </summary>
    public static bool DefaultedHttpOnDataPort(MeshModel mesh, string service, MeshListener listener, ServicePort? composePort) =>
        listener.Protocol == MeshProtocol.Http && DataPorts.Contains(listener.Port) && composePort?.AppProtocol is null
        && !mesh.KeyLocations.ContainsKey($"services.{service}.x-mesh.protocol");

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

    /// <summary>
    /// What one endpoint serves: <paramref name="Name"/> names its Cloud Map service (a service, a route, or
    /// <c>&lt;service&gt;-&lt;port&gt;</c>), <paramref name="AliasOf"/> the name callers dial on <paramref name="Port"/>.
    /// </summary>
    /// <param name="IngressPortOverride">
    /// The port the proxy listens on instead of the container port, for a load-balanced service with TLS
    /// (see <see cref="IngressPorts"/>); null: the container port (ECS's default).
    /// </param>
    private sealed record EndpointSpec(string Name, string AliasOf, int Port, string PortName, MeshListener Listener, int? IngressPortOverride);

    /// <summary>One Service Connect endpoint: its Cloud Map service and its one client alias <c>&lt;alias&gt;:&lt;port&gt;</c>.</summary>
    private static CfnMap Endpoint(MeshModel mesh, EndpointSpec endpoint, string discovery, string alias) => new CfnMapBuilder()
        .Add("PortName", endpoint.PortName)
        .Add("DiscoveryName", discovery)
        .AddList("ClientAliases", [new CfnMapBuilder().Add("Port", endpoint.Port).Add("DnsName", alias).Build()])
        .Add("IngressPortOverride", endpoint.IngressPortOverride)
        .AddMap("Timeout", Timeout(endpoint.Listener))
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
        .Add("AssumeRolePolicyDocument", TrustPolicy.For("ecs.amazonaws.com"))
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
        CfnValue.Sub($"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:{CfnValue.SubLiteral(group)}{(streams ? ":*" : "")}");

    /// <summary>
    /// ECS adds the proxy container to the task without a task definition entry, so no container need shows it:
    /// the task plan carries it as proxy room, and the base's sizer gives AWS's recommended room for it (256 CPU units, 64 MiB) on top of its containers. When that
    /// room moves the task to a larger Fargate size, a warning says so (C2E6006); when no Fargate size has the
    /// room (an app of 16 vCPU, say), the task keeps the size its containers need, the proxy shares it, and a
    /// warning says that instead: the room is advice, not an ECS requirement, so such an app is never refused.
    /// </summary>
    private static ServicePlan WithProxyRoom(ServicePlan service, DiagnosticBag diagnostics)
    {
        var cpu = service.TaskDefinition.Containers.Sum(c => c.Needs.Cpu);
        var memory = service.TaskDefinition.Containers.Sum(c => c.Needs.MemoryMiB);
        var without = FargateSizer.Smallest(cpu, memory);
        var with = FargateSizer.Smallest(cpu + ProxyCpu, memory + ProxyMemoryMiB);
        if (with is null && without is null)
        {
            return service; // the containers alone do not fit: the base sizer reports it
        }

        var size = with ?? without!;
        if (with is null)
        {
            diagnostics.Warning(service.Location, ServiceConnectDiagnosticCodes.ProxyRoom,
                $"services.{service.Name}: no Fargate task has room for the Service Connect proxy's recommended {ProxyCpu} CPU units and {ProxyMemoryMiB} MiB on top of {cpu} CPU units and {memory} MiB, so the task is {Describe(size)} and the proxy shares it; lower deploy.resources by that much to give the proxy its own room");
        }
        else if (without is not null && (with.Cpu != without.Cpu || with.MemoryMiB != without.MemoryMiB))
        {
            diagnostics.Warning(service.Location, ServiceConnectDiagnosticCodes.ProxyRoom,
                $"services.{service.Name}: the Service Connect proxy's recommended room ({ProxyCpu} CPU units, {ProxyMemoryMiB} MiB) moves the task from {Describe(without)} to {Describe(with)}; lower deploy.resources by that much to stay at {Describe(without)}");
        }

        // The base's sizer counts the room (it keeps the containers' size when no size has room).
        return service.UpdateTaskDefinition(task => task with { ProxyRoom = new TaskSize(ProxyCpu, ProxyMemoryMiB) });
    }

    private static string Describe(TaskSize size) => $"{size.Cpu} CPU units / {size.MemoryMiB} MiB";

    /// <summary>
    /// One TCP rule per concrete edge: the caller's group may reach the callee's on the callee's
    /// listener port (where the callee's proxy takes the connection; its ingress port override when it
    /// has one), or for a direct edge on each of the callee's container ports, as with --mesh none.
    /// Nothing else between services.
    /// </summary>
    public static IEnumerable<IngressRulePlan> EdgeRules(EcsPlan plan, MeshModel mesh, IReadOnlyDictionary<string, int> ingressPorts) =>
        // With an ingress port override the proxy takes mesh traffic there; the container port is the load balancer's.
        EdgeIngress.Rules(mesh, plan, edge =>
            ingressPorts.TryGetValue(edge.Target, out var proxy) && (edge.Route is not null || mesh.FindService(edge.Target)?.Listener?.Port == edge.Port) ? proxy : edge.Port);
}
