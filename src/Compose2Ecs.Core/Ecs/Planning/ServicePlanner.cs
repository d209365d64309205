using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Settings;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>One compose service → its <see cref="ServicePlan"/>, with the rules and outputs its load balancers need.</summary>
internal static class ServicePlanner
{
    public sealed record Result(ServicePlan Service, ImmutableArray<IngressRulePlan> Ingress, ImmutableArray<TemplateOutput> Outputs);

    public static Result? Plan(ComposeProject project, ComposeService service, EcsSettings settings, NetworkPlan network, DiagnosticBag diagnostics)
    {
        UnsupportedKeys.Check(service, diagnostics);
        var image = ImageResolver.Resolve(service, settings, diagnostics);
        var secrets = SecretMapper.Map(project, service, diagnostics);
        var volumes = VolumeMapper.Map(service, project.WorkingDirectory, diagnostics);
        var lbs = LoadBalancerPlanner.Plan(service, settings.DeclaredProtocols.GetValueOrDefault(service.Name), diagnostics);
        if (image is null)
        {
            return null;
        }

        if (!lbs.LoadBalancers.IsEmpty && network.PublicSubnets.IsEmpty)
        {
            diagnostics.Error(KeyLocations.Of(service, "ports"), EcsDiagnosticCodes.PublicSubnetsRequired,
                $"services.{service.Name}.ports: publishes ports, so it needs a load balancer in public subnets; add public_subnets to x-mesh.vpc");
        }

        var container = ContainerMapper.Map(project, service, image, secrets.Secrets, volumes.MountPoints, diagnostics);
        var ids = new ServiceIds(service.Name);
        var plan = new ServicePlan
        {
            Name = service.Name,
            Location = service.Location,
            TaskDefinition = new TaskDefinitionPlan
            {
                Family = ServiceKit.Family(settings.ProjectName, service.Name),
                AppContainerName = container.Name,
                Containers = [container],
                Volumes = volumes.Volumes,
                CpuArchitecture = PlatformMapper.CpuArchitecture(service, diagnostics),
            },
            EcsService = new EcsServicePlan
            {
                DesiredCount = DesiredCount(service, diagnostics),
                DependsOnServices = DependsOnMapper.Map(project, service, diagnostics),
                DependsOn = [.. lbs.LoadBalancers.SelectMany(lb => lb.Listeners.Select(l => ids.Listener(lb.Kind, l.Protocol, l.Port))), .. ServiceKit.NetworkReady(network)],
                ServiceRegistries = container.Ports.IsEmpty ? [] : [new ServiceRegistryPlan(CfnValue.GetAtt(ids.Discovery, "Arn"))],
                HealthCheckGracePeriodSeconds = lbs.LoadBalancers.IsEmpty ? null : Math.Max(60, container.HealthCheck?.StartPeriodSeconds ?? 0),
            },
            ExecutionRole = new RolePlan { Statements = [.. ExecutionStatements(ids, image, secrets.Statements)] },
            Discovery = container.Ports.IsEmpty ? null : new DiscoveryPlan(service.Name),
            LoadBalancers = lbs.LoadBalancers,
            Tags = TagMapper.Map(service, diagnostics),
        };
        return new Result(plan, lbs.Ingress, lbs.Outputs);
    }

    private static IEnumerable<IamStatement> ExecutionStatements(ServiceIds ids, string image, ImmutableArray<IamStatement> secretStatements)
    {
        yield return ServiceKit.LogStatement(ids);
        foreach (var statement in ImageResolver.PullStatements(image).Concat(secretStatements))
        {
            yield return statement;
        }
    }

    private static int DesiredCount(ComposeService service, DiagnosticBag diagnostics)
    {
        var replicas = service.Deploy?.Replicas
            ?? (service.Node["scale"] is ScalarNode s && CoreSchema.TryGetInt(s.Value, out var scale) ? (int)scale : 1);
        if (replicas < 0)
        {
            diagnostics.Error(KeyLocations.Of(service, "deploy", "replicas"), EcsDiagnosticCodes.NegativeReplicas, $"services.{service.Name}.deploy.replicas: must be 0 or more");
            return 0;
        }

        return replicas;
    }
}
