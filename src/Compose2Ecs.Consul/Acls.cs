using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Consul;

/// <summary>
/// ACLs (<c>acls: true</c>): every task logs in through the IAM auth method, so its task role
/// lives under the controller's trusted path, carries the service-name tag (and the namespace
/// tag, and a gateway its kind) and may read itself; the controller service runs the
/// <c>controller</c> command with the bootstrap token.
/// </summary>
internal static class Acls
{
    public static ServicePlan TagTaskRole(ConsulContext consul, ServicePlan service, string consulName, string? gatewayKind)
    {
        var tags = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        tags.Add(KeyValuePair.Create(ConsulEcsDefaults.ServiceNameTag, consulName));
        if (consul.Settings.Namespace is { } ns)
        {
            tags.Add(KeyValuePair.Create(ConsulEcsDefaults.NamespaceTag, gatewayKind is null ? ns : "default"));
        }

        if (gatewayKind is not null)
        {
            tags.Add(KeyValuePair.Create(ConsulEcsDefaults.GatewayKindTag, gatewayKind));
        }

        return service with
        {
            TaskRole = service.TaskRole with
            {
                Path = ConsulEcsDefaults.RolePath(consul.Model.ProjectName),
                Tags = service.TaskRole.Tags.AddRange(tags),
            },
        };
    }

    /// <summary>
    /// <c>iam:GetRole</c> on the task role itself (the auth method reads the role's tags through
    /// the login request). A role's inline policy cannot name its own ARN (a circular
    /// reference), so this is a separate <c>AWS::IAM::Policy</c>, as mesh-task/iam.tf does.
    /// </summary>
    public static TemplateResource GetRolePolicy(ServicePlan service) => new(service.Ids.For("ConsulGetRolePolicy"), "AWS::IAM::Policy", new CfnMapBuilder()
        .Add("PolicyName", $"{service.Name}-consul-login")
        .AddList("Roles", [CfnValue.Ref(service.Ids.TaskRole)])
        .Add("PolicyDocument", new CfnMapBuilder()
            .Add("Version", "2012-10-17")
            .AddList("Statement", [new CfnMapBuilder()
                .Add("Effect", "Allow")
                .Add("Action", "iam:GetRole")
                .Add("Resource", CfnValue.GetAtt(service.Ids.TaskRole, "Arn"))
                .Build()])
            .Build())
        .Build())
    { Owner = service.Name };

    /// <summary>
    /// The ACL controller (controller/main.tf): consul-ecs <c>controller</c>, bootstrap token and
    /// CA from Secrets Manager, a read-only root file system. It lists and describes the
    /// cluster's tasks to log out the tokens of stopped ones.
    /// </summary>
    public static ServicePlan Controller(ConsulContext consul)
    {
        var config = ConsulConfig.Write(ConsulConfig.Controller(consul, consul.Servers));
        var secrets = ImmutableArray.CreateBuilder<ContainerSecret>();
        secrets.Add(new ContainerSecret("CONSUL_HTTP_TOKEN", consul.BootstrapToken!));
        secrets.AddRange(MeshTasks.CaSecrets(consul));
        var container = new ContainerPlan
        {
            Name = ConsulEcsDefaults.Controller,
            Image = consul.Settings.Images.ConsulEcs,
            Command = ConsulEcsDefaults.ControllerCommand,
            Environment = [new ContainerEnvironment("CONSUL_ECS_CONFIG_JSON", config)],
            Secrets = secrets.ToImmutable(),
            ReadonlyRootFilesystem = true,
            InitProcessEnabled = true,
            Cpu = ConsulEcsDefaults.ControllerCpu,
            MemoryMiB = ConsulEcsDefaults.ControllerMemory,
            LogStreamPrefix = ConsulEcsDefaults.Controller,
        };
        var service = Synthetic.Service(consul, ConsulEcsDefaults.ControllerService, container, discovery: false);
        return service.AddTaskRoleStatements(
            // ListTasks has no resource type narrower than "*" (IAM: container-instance only); the condition keeps it to this cluster.
            new IamStatement(["ecs:ListTasks"], ["*"])
            {
                Condition = new CfnMap([KeyValuePair.Create<string, CfnValue>("ArnEquals", new CfnMap([KeyValuePair.Create("ecs:cluster", consul.ClusterArn)]))]),
            },
            new IamStatement(["ecs:DescribeTasks"], [consul.ClusterTasks]));
    }
}
