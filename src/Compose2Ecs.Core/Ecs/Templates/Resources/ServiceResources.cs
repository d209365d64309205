using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Core.Ecs.Templates.Resources;

/// <summary>One service's own resources: log group, roles, security group, task definition, Cloud Map service, ECS service.</summary>
internal static class ServiceResources
{
    public static IEnumerable<TemplateResource> Build(EcsPlan plan, ServicePlan service)
    {
        var ids = service.Ids;
        yield return new TemplateResource(ids.LogGroup, "AWS::Logs::LogGroup", new CfnMapBuilder()
            .Add("RetentionInDays", service.LogGroup.RetentionInDays)
            .Build())
        {
            Owner = service.Name,
            DeletionPolicy = "Retain",
            UpdateReplacePolicy = "Retain",
        };
        yield return Role(ids.ExecutionRole, service, service.ExecutionRole, "execution");
        yield return Role(ids.TaskRole, service, service.TaskRole, "task");
        yield return new TemplateResource(ids.SecurityGroup, "AWS::EC2::SecurityGroup", new CfnMapBuilder()
            .Add("GroupDescription", AwsNames.Fit(service.SecurityGroup.Description ?? $"{plan.ProjectName} {service.Name} tasks", AwsNames.SecurityGroupDescription))
            .Add("VpcId", plan.Network.VpcId)
            .AddList("Tags", [NetworkResources.Tag("Name", AwsNames.Fit($"{plan.StackName}-{service.Name}", AwsNames.TagValue))])
            .Build())
        { Owner = service.Name };
        yield return TaskDefinition(service);
        if (service.Discovery is { } discovery)
        {
            yield return new TemplateResource(ids.Discovery, "AWS::ServiceDiscovery::Service", new CfnMapBuilder()
                .Add("Name", discovery.Name)
                .Add("Description", AwsNames.Fit($"{plan.ProjectName} {service.Name}", 1024))
                .Add("DnsConfig", new CfnMapBuilder()
                    .Add("NamespaceId", plan.Namespace.Id)
                    .Add("RoutingPolicy", "MULTIVALUE")
                    .AddList("DnsRecords", [new CfnMapBuilder().Add("Type", "A").Add("TTL", discovery.TtlSeconds).Build()])
                    .Build())
                .Add("HealthCheckCustomConfig", new CfnMapBuilder().Add("FailureThreshold", 1).Build())
                .Build())
            { Owner = service.Name };
        }

        if (service.EcsService.Create)
        {
            yield return EcsService(plan, service);
        }
    }

    private static TemplateResource TaskDefinition(ServicePlan service)
    {
        var task = service.TaskDefinition;
        var size = task.Size ?? throw new InvalidOperationException($"task definition {task.Family} was not sized; run FargateSizer over the final plan");
        var ids = service.Ids;
        var properties = new CfnMapBuilder()
            .Add("Family", task.Family)
            .Add("Cpu", size.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("Memory", size.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("NetworkMode", "awsvpc")
            .AddList("RequiresCompatibilities", ["FARGATE"])
            .Add("RuntimePlatform", new CfnMapBuilder().Add("OperatingSystemFamily", "LINUX").Add("CpuArchitecture", task.CpuArchitecture).Build())
            .Add("ExecutionRoleArn", CfnValue.GetAtt(ids.ExecutionRole, "Arn"))
            .Add("TaskRoleArn", CfnValue.GetAtt(ids.TaskRole, "Arn"))
            .AddList("ContainerDefinitions", task.Containers.Select(c => (CfnValue)ContainerDefinitions.Build(c, ids)))
            .AddList("Volumes", task.Volumes.Select(v => (CfnValue)new CfnMapBuilder().Add("Name", v.Name).Build().Merge(v.Extra)))
            .Add("ProxyConfiguration", task.ProxyConfiguration is { } proxy ? new CfnMapBuilder()
                .Add("Type", proxy.Type)
                .Add("ContainerName", proxy.ContainerName)
                .AddList("ProxyConfigurationProperties", proxy.Properties.Select(p => (CfnValue)new CfnMapBuilder().Add("Name", p.Key).Add("Value", p.Value).Build()))
                .Build() : null)
            .AddList("Tags", Tags(service))
            .Build()
            .Merge(task.Extra);
        return new TemplateResource(ids.TaskDefinition, "AWS::ECS::TaskDefinition", properties) { Owner = service.Name };
    }

    private static TemplateResource EcsService(EcsPlan plan, ServicePlan service)
    {
        var ids = service.Ids;
        var ecs = service.EcsService;
        var loadBalancers = service.LoadBalancers.SelectMany(lb => lb.TargetGroups.Select(tg => (CfnValue)new CfnMapBuilder()
            .Add("ContainerName", service.TaskDefinition.AppContainerName)
            .Add("ContainerPort", tg.Port)
            .Add("TargetGroupArn", CfnValue.Ref(ids.TargetGroup(lb.Kind, tg.Protocol, tg.Port)))
            .Build()));
        var properties = new CfnMapBuilder()
            .Add("Cluster", plan.Cluster.Cluster)
            .Add("TaskDefinition", CfnValue.Ref(ids.TaskDefinition))
            .Add("LaunchType", "FARGATE")
            .Add("DesiredCount", ecs.DesiredCount)
            .Add("NetworkConfiguration", new CfnMapBuilder()
                .Add("AwsvpcConfiguration", new CfnMapBuilder()
                    .Add("AssignPublicIp", "DISABLED")
                    .AddList("SecurityGroups", [CfnValue.GetAtt(ids.SecurityGroup, "GroupId"), .. ecs.ExtraSecurityGroups])
                    .AddList("Subnets", plan.Network.PrivateSubnets)
                    .Build())
                .Build())
            .AddList("LoadBalancers", loadBalancers)
            .Add("HealthCheckGracePeriodSeconds", ecs.HealthCheckGracePeriodSeconds)
            .AddList("ServiceRegistries", ecs.ServiceRegistries.Select(r => (CfnValue)new CfnMapBuilder()
                .Add("RegistryArn", r.RegistryArn)
                .Add("ContainerName", r.ContainerName)
                .Add("ContainerPort", r.ContainerPort)
                .Build()))
            .AddMap("ServiceConnectConfiguration", ecs.ServiceConnectConfiguration)
            .Add("DeploymentConfiguration", new CfnMapBuilder()
                .Add("MaximumPercent", ecs.MaximumPercent)
                .Add("MinimumHealthyPercent", 100)
                .Add("DeploymentCircuitBreaker", new CfnMapBuilder().Add("Enable", true).Add("Rollback", true).Build())
                .Build())
            .Add("EnableECSManagedTags", true)
            .Add("PropagateTags", "SERVICE")
            .AddList("Tags", Tags(service))
            .Build()
            .Merge(ecs.Extra);
        var dependsOn = ecs.DependsOnServices.Select(name => new ServiceIds(name).EcsService).Concat(ecs.DependsOn);
        return new TemplateResource(ids.EcsService, "AWS::ECS::Service", properties) { Owner = service.Name, DependsOn = [.. dependsOn.Distinct()] };
    }

    private static TemplateResource Role(string id, ServicePlan service, RolePlan role, string purpose)
    {
        var trust = TrustPolicy.For("ecs-tasks.amazonaws.com");
        CfnValue[] policies = role.Statements.IsEmpty ? [] : new CfnValue[]
        {
            new CfnMapBuilder()
                .Add("PolicyName", $"{service.Name}-{purpose}")
                .Add("PolicyDocument", new CfnMapBuilder()
                    .Add("Version", "2012-10-17")
                    .AddList("Statement", role.Statements.Select(Statement))
                    .Build())
                .Build(),
        };
        return new TemplateResource(id, "AWS::IAM::Role", new CfnMapBuilder()
            .Add("AssumeRolePolicyDocument", trust)
            .Add("Description", AwsNames.Fit($"{service.Name}: ECS {purpose} role", 1000))
            .Add("Path", role.Path)
            .AddList("ManagedPolicyArns", role.ManagedPolicyArns)
            .AddList("Policies", policies)
            .AddList("Tags", role.Tags.Select(t => (CfnValue)NetworkResources.Tag(t.Key, t.Value)))
            .Build())
        { Owner = service.Name };
    }

    private static CfnValue Statement(IamStatement statement) => new CfnMapBuilder()
        .Add("Effect", statement.Effect)
        .Add("Action", statement.Actions.Length == 1 ? (CfnValue)statement.Actions[0] : CfnList.Of(statement.Actions.Select(a => (CfnValue)a)))
        .Add("Resource", statement.Resources.Length == 1 ? statement.Resources[0] : CfnList.Of(statement.Resources))
        .AddMap("Condition", statement.Condition)
        .Build();

    private static IEnumerable<CfnValue> Tags(ServicePlan service) => service.Tags.Select(t => (CfnValue)NetworkResources.Tag(t.Key, t.Value));
}
