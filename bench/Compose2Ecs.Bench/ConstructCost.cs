using System.Diagnostics;
using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.CloudFormation.Include;
using Compose2Ecs.Core.Ecs.Cdk;

namespace Compose2Ecs.Bench;

/// <summary>
/// Why the ECS base emits through one CfnInclude: the cost of building L1 constructs one jsii
/// call at a time (each from one whole props object) against including the same resources
/// from a template in one call.
/// </summary>
public static class ConstructCost
{
    public static void Run(int count)
    {
        JsiiHost.EnsureConfigured();
        var clock = Stopwatch.StartNew();
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), $"c2e-cost-{Guid.NewGuid():N}"), AnalyticsReporting = false });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first App (starts Node.js, loads aws-cdk-lib): {clock.Elapsed.TotalSeconds:F1} s"));

        var stack = new Stack(app, "Typed", new StackProps { Synthesizer = new LegacyStackSynthesizer() });
        Time($"{count} CfnSecurityGroup, one props object each", count, i => _ = new CfnSecurityGroup(stack, $"s{i}SecurityGroup",
            new CfnSecurityGroupProps { GroupDescription = "bench", VpcId = "vpc-12345678" }));
        Time($"{count} CfnTaskDefinition, one props object each", count, i => _ = new CfnTaskDefinition(stack, $"s{i}TaskDefinition", new CfnTaskDefinitionProps
        {
            Family = $"bench-s{i}",
            Cpu = "256",
            Memory = "512",
            NetworkMode = "awsvpc",
            RequiresCompatibilities = ["FARGATE"],
            ContainerDefinitions = new object[]
            {
                new CfnTaskDefinition.ContainerDefinitionProperty
                {
                    Name = $"s{i}",
                    Image = "nginx:1.27",
                    Essential = true,
                    Environment = new object[] { new CfnTaskDefinition.KeyValuePairProperty { Name = "A", Value = "b" } },
                    PortMappings = new object[] { new CfnTaskDefinition.PortMappingProperty { ContainerPort = 80, Protocol = "tcp" } },
                },
            },
        }));

        var template = Path.Combine(Path.GetTempPath(), $"c2e-cost-{Guid.NewGuid():N}.json");
        var resources = string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$$"""
            "s{{{i}}}SecurityGroup": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "bench", "VpcId": "vpc-12345678"}},
            "s{{{i}}}TaskDefinition": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "bench-s{{{i}}}", "Cpu": "256", "Memory": "512", "NetworkMode": "awsvpc", "RequiresCompatibilities": ["FARGATE"],
              "ContainerDefinitions": [{"Name": "s{{{i}}}", "Image": "nginx:1.27", "Essential": true, "Environment": [{"Name": "A", "Value": "b"}], "PortMappings": [{"ContainerPort": 80, "Protocol": "tcp"}]}]}}
            """));
        File.WriteAllText(template, "{\"Resources\": {" + resources + "}}");
        var included = new Stack(app, "Included", new StackProps { Synthesizer = new LegacyStackSynthesizer() });
        Time($"the same {2 * count} resources through one CfnInclude", 2 * count, _ => { }, () => _ = new CfnInclude(included, "App", new CfnIncludeProps { TemplateFile = template }));
        File.Delete(template);
    }

    private static void Time(string what, int count, System.Action<int> each, System.Action? once = null)
    {
        var clock = Stopwatch.StartNew();
        once?.Invoke();
        for (var i = 0; i < count && once is null; i++)
        {
            each(i);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {clock.Elapsed.TotalSeconds:F2} s, {clock.Elapsed.TotalMilliseconds / count:F2} ms per resource"));
    }
}
