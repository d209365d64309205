using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Settings;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// The ECS base plan of a compose project: pure, no CDK. Services are sorted by name, so the
/// order of the compose file changes nothing. Throws <see cref="InvalidInputException"/> with
/// every error found.
/// </summary>
public static class EcsPlanner
{
    public static EcsPlan Plan(ComposeProject project, EcsSettings settings)
    {
        var diagnostics = new DiagnosticBag();
        var network = Network(settings);
        var services = ImmutableArray.CreateBuilder<ServicePlan>();
        var ingress = ImmutableArray.CreateBuilder<IngressRulePlan>();
        var outputs = ImmutableArray.CreateBuilder<TemplateOutput>();
        foreach (var service in project.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (ServicePlanner.Plan(project, service, settings, network, diagnostics) is { } result)
            {
                services.Add(result.Service);
                ingress.AddRange(result.Ingress);
                outputs.AddRange(result.Outputs);
            }
        }

        CheckDistinctIds(project, diagnostics);
        AwsNameChecks.Check(project, settings.ProjectName, diagnostics);
        diagnostics.ThrowIfErrors();
        return new EcsPlan
        {
            ProjectName = settings.ProjectName,
            StackName = settings.StackName,
            BackendName = settings.Backend,
            Network = network,
            Cluster = settings.Cluster is { } cluster
                ? new ClusterPlan { Create = false, Cluster = cluster }
                : new ClusterPlan { Create = true, Cluster = CfnValue.Ref(SharedIds.Cluster) },
            Namespace = new NamespacePlan
            {
                Name = settings.Namespace,
                Id = CfnValue.GetAtt(SharedIds.Namespace, "Id"),
                Arn = CfnValue.GetAtt(SharedIds.Namespace, "Arn"),
            },
            Services = services.ToImmutable(),
            Ingress = ingress.ToImmutable(),
            Outputs = outputs.ToImmutable(),
            Warnings = [.. diagnostics.Warnings],
        };
    }

    private static NetworkPlan Network(EcsSettings settings) => settings.Vpc is { } vpc
        ? new NetworkPlan
        {
            Create = false,
            VpcId = vpc.Id,
            PrivateSubnets = [.. vpc.PrivateSubnets.Select(s => (CfnValue)s)],
            PublicSubnets = [.. vpc.PublicSubnets.Select(s => (CfnValue)s)],
        }
        : new NetworkPlan
        {
            Create = true,
            VpcId = CfnValue.Ref(SharedIds.Vpc),
            PrivateSubnets = [CfnValue.Ref(SharedIds.PrivateSubnet(1)), CfnValue.Ref(SharedIds.PrivateSubnet(2))],
            PublicSubnets = [CfnValue.Ref(SharedIds.PublicSubnet(1)), CfnValue.Ref(SharedIds.PublicSubnet(2))],
            SearchDomain = settings.Namespace,
        };

    /// <summary>Two service names whose logical-ID parts collide (a hash collision) would share resources: refuse.</summary>
    private static void CheckDistinctIds(ComposeProject project, DiagnosticBag diagnostics)
    {
        foreach (var group in project.Services.GroupBy(s => LogicalIds.Part(s.Name)).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", group.Select(s => $"\"{s.Name}\""));
            diagnostics.Error(group.Last().Location, EcsDiagnosticCodes.NameCollision, $"services {names} would share CloudFormation logical IDs ({group.Key}...); rename one of them");
        }
    }
}
