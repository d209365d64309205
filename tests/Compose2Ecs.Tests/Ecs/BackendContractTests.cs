using Amazon.CDK.AWS.SSM;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Ecs.Templates;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Ecs.Tests;

/// <summary>A backend written outside Ecs extends the base through IMeshBackend: plan data first, CDK constructs after.</summary>
public sealed class BackendContractTests
{
    private const string Compose = """
        name: meshy
        services:
          front:
            image: example/front:1
            ports: ["80:8080"]
            depends_on: [back]
          back:
            image: example/back:1
            expose: ["9000"]
            deploy:
              resources:
                limits: {cpus: "1", memory: 2G}
        """;

    private static MeshBackendRegistry Registry => new([new NoMeshBackend(), new SidecarBackend()]);

    [Fact]
    public void Transform_adds_sidecars_dependencies_proxy_environment_iam_rules_and_resources()
    {
        using var dir = new TempDir();
        var output = PureSynth.Yaml(dir, Compose, new SynthOptions { Mesh = "sidecar" }, Registry);
        var template = output.Template;

        var proxy = template.Container("back", "proxy");
        Assert.Equal("proxy.example.com/envoy:${AWS::Region}", (string?)proxy["Image"]!["Fn::Sub"]);
        Assert.Equal(256, (int?)proxy["Cpu"]);
        var app = template.Container("back");
        Assert.Equal(("proxy", "HEALTHY"), ((string?)app["DependsOn"]![0]!["ContainerName"], (string?)app["DependsOn"]![0]!["Condition"]));
        Assert.Equal("backMeshNode", (string?)app["Environment"]![0]!["Value"]!["Fn::GetAtt"]![0]);

        var task = template.Properties("backTaskDefinition");
        Assert.Equal("APPMESH", (string?)task["ProxyConfiguration"]!["Type"]);
        Assert.Equal("proxy-config", (string?)task["Volumes"]![0]!["Name"]);

        var statement = template.Properties("backTaskRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]![0]!;
        Assert.Equal("backMeshNode", (string?)statement["Resource"]!["Ref"]);

        // The backend's own edge rule replaces depends_on's: front reaches back on the proxy port only.
        var rule = template.Properties("backIngressFromfrontTcp15000");
        Assert.Equal(15000, (int?)rule["FromPort"]);
        Assert.DoesNotContain("backIngressFromfrontTcp9000", template.Ids);
        Assert.Equal("AWS::SSM::Parameter", (string?)template.Resource("backMeshNode")["Type"]);
        Assert.Equal("Cluster", (string?)template.Properties("MeshRoot")["Value"]!["Ref"]);
        Assert.Contains(output.Warnings, w => w.Message == "sidecar: checked");
    }

    [Fact]
    public void Task_size_is_chosen_after_sidecars_are_added()
    {
        using var plain = new TempDir();
        var without = PureSynth.Yaml(plain, Compose).Template.Properties("backTaskDefinition");
        Assert.Equal(("1024", "2048"), ((string?)without["Cpu"], (string?)without["Memory"]));

        using var meshed = new TempDir();
        var with = PureSynth.Yaml(meshed, Compose, new SynthOptions { Mesh = "sidecar" }, Registry).Template.Properties("backTaskDefinition");

        // 1024 + 256 CPU units and 2048 + 512 MiB: 2 vCPU is the smallest size with 1280 units, and it starts at 4 GiB.
        Assert.Equal(("2048", "4096"), ((string?)with["Cpu"], (string?)with["Memory"]));
    }

    [Fact]
    public void Backend_resources_follow_their_owner_into_nested_stacks_when_the_application_is_split()
    {
        using var dir = new TempDir();
        dir.File("compose.yaml", Compose);
        var project = Synth.Load(dir.Path, "compose.yaml");
        var options = new SynthOptions { Mesh = "sidecar" };
        var input = EcsSynthesis.Build(project, options, Registry);
        var output = new PureSynth.Output(input with { Templates = TemplateBuilder.Build(input.Plan, new SplitLimits { MaxResources = 40 }) });
        Assert.NotEmpty(output.TemplateSet.Nested);

        CfnCheck.AssertPasses(output.WriteTo(dir.Sub("out")));
        var holder = Assert.Single(output.Nested, t => t.Ids.Contains("backMeshNode"));
        Assert.Contains("backTaskDefinition", holder.Ids);
        var root = output.Template;
        Assert.Contains("MeshRoot", root.Ids);
    }

    /// <summary>A stand-in mesh: a proxy sidecar per listening service, wired through every extension point.</summary>
    private sealed class SidecarBackend : IMeshBackend
    {
        public string Name => "sidecar";

        public string Description => "test backend";

        public IEnumerable<Diagnostic> Check(MeshModel model) =>
            [Diagnostic.Warning(model.LocationOf("x-mesh"), "C2E9991", "sidecar: checked")];

        public EcsPlan Transform(EcsPlan plan, BackendContext context)
        {
            var listening = plan.Services.Where(s => !s.AppContainer.Ports.IsEmpty).Select(s => s.Name).ToList();
            foreach (var name in listening)
            {
                var node = plan.Service(name).Ids.For("MeshNode");
                plan = plan.UpdateService(name, service => service
                    .UpdateTaskDefinition(task => task
                        .AddContainers(new ContainerPlan
                        {
                            Name = "proxy",
                            Image = CfnValue.Sub("proxy.example.com/envoy:${AWS::Region}"),
                            Cpu = 256,
                            MemoryMiB = 512,
                            User = "1337",
                            HealthCheck = new HealthCheckPlan(["CMD-SHELL", "true"], 5, 2, 3, 10),
                            LogStreamPrefix = "proxy",
                        })
                        .UpdateContainer(task.AppContainerName, app => app
                            .AddDependency("proxy", "HEALTHY")
                            .AddEnvironment("MESH_NODE", CfnValue.GetAtt(node, "Type")))
                        .AddVolumes(new VolumePlan("proxy-config"))
                        with
                    {
                        ProxyConfiguration = new ProxyConfigurationPlan("proxy", "APPMESH", [KeyValuePair.Create("IgnoredUID", "1337"), KeyValuePair.Create("ProxyIngressPort", "15000")]),
                    })
                    .AddTaskRoleStatements(new IamStatement(["ssm:GetParameter"], [CfnValue.Ref(node)])));
                plan = plan.AddResources(new TemplateResource(node, "AWS::SSM::Parameter", new CfnMapBuilder()
                    .Add("Type", "String")
                    .Add("Value", CfnValue.GetAtt(plan.Service(name).Ids.SecurityGroup, "GroupId"))
                    .Build())
                { Owner = name });
            }

            var edges = plan.Services.SelectMany(caller => caller.EcsService.DependsOnServices.Where(listening.Contains)
                .Select(callee => IngressRules.Between(callee, caller.Name, "tcp", 15000, 15000)));
            return plan.AddIngress(edges).AddResources(new TemplateResource("MeshRoot", "AWS::SSM::Parameter",
                new CfnMapBuilder().Add("Type", "String").Add("Value", plan.Cluster.Cluster).Build()));
        }
    }
}
