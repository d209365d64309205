using System.Text.Json.Nodes;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Reads every template of every example and backend and checks the security model:
/// service-to-service rules are TCP (or the declared UDP) on one port from one security
/// group; 0.0.0.0/0 only on load balancer groups; no IAM wildcard actions; a wildcard
/// resource only for actions that have no resource-level permissions; no secret in the
/// template; one task role per task definition. It reads the assemblies the CDK wrote
/// (shared with the other tests of the collection, each pair synthesized once).
/// </summary>
[Collection(CdkAssembliesCollection.Name)]
public class LeastPrivilegeTests(CdkAssemblies assemblies)
{
    /// <summary>
    /// Actions AWS does not let a policy scope to a resource, so "*" is the only valid
    /// Resource (IAM service authorization reference). Each is here on purpose.
    /// </summary>
    private static readonly HashSet<string> ActionsWithoutResourceScope = new(StringComparer.Ordinal)
    {
        "ecr:GetAuthorizationToken",           // account-wide registry login
        "ecs:ListTasks",                        // scoped with a cluster condition instead
        "servicediscovery:DiscoverInstances",   // Cloud Map API discovery has no resource type
        "ec2:DescribeNetworkInterfaces",        // Describe* calls take no resource ARN
        "ec2:DescribeInstances",                // Consul agents' provider=aws retry-join (terraform-aws-consul-ecs v0.6.2)
        "xray:PutTraceSegments", "xray:PutTelemetryRecords",
    };

    public static TheoryData<string, string> Pairs() => Matrix.Data();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Templates_hold_to_least_privilege(string example, string backend)
    {
        var output = assemblies.For(example, backend).Directory;
        var templates = Directory.GetFiles(output, "*.template.json").Select(f => new TemplateFile(f)).ToList();
        var resources = templates.SelectMany(t => t.Resources).ToDictionary(r => r.Key, r => r.Value!.AsObject());
        var problems = new List<string>();

        var loadBalancerGroups = LoadBalancerSecurityGroups(resources);
        foreach (var (id, resource) in resources)
        {
            var type = (string?)resource["Type"];
            var properties = resource["Properties"] as JsonObject ?? [];
            switch (type)
            {
                case "AWS::EC2::SecurityGroupIngress":
                    CheckIngress(id, properties, GroupOf(properties["GroupId"]), loadBalancerGroups, problems);
                    break;
                case "AWS::EC2::SecurityGroup":
                    foreach (var rule in properties["SecurityGroupIngress"]?.AsArray() ?? [])
                    {
                        CheckIngress(id, rule!.AsObject(), id, loadBalancerGroups, problems);
                    }

                    break;
                case "AWS::IAM::Role":
                    foreach (var policy in properties["Policies"]?.AsArray() ?? [])
                    {
                        CheckStatements(id, policy!["PolicyDocument"]!["Statement"]!.AsArray(), problems);
                    }

                    break;
                case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                    CheckStatements(id, properties["PolicyDocument"]!["Statement"]!.AsArray(), problems);
                    break;
                case "AWS::ECS::TaskDefinition":
                    CheckSecrets(id, properties, problems);
                    break;
            }
        }

        CheckTaskRolesAreSeparate(resources, problems);
        CheckRulesFollowEdges(Matrix.Load(example), backend, resources, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(resources.Values, r => (string?)r["Type"] == "AWS::ECS::TaskDefinition");
    }

    /// <summary>A rule from one service's group to another's exists only for a call edge of the model.</summary>
    private static void CheckRulesFollowEdges(Compose2Ecs.Core.Compose.Model.ComposeProject project, string backend, Dictionary<string, JsonObject> resources, List<string> problems)
    {
        var mesh = Compose2Ecs.Core.Mesh.MeshReader.Read(project, backend, Synth.Backends.Specs);
        var groups = project.Services.ToDictionary(s => Compose2Ecs.Core.Ecs.Naming.LogicalIds.For(s.Name, "SecurityGroup"), s => s.Name);
        var edges = mesh.ConcreteEdges.Select(e => (e.Caller, e.Target))
            .Concat(mesh.Edges.Where(e => e.Targets.IsEmpty).Select(e => (e.Caller, e.Upstream)))
            .ToHashSet();
        foreach (var (id, resource) in resources.Where(r => (string?)r.Value["Type"] == "AWS::EC2::SecurityGroupIngress"))
        {
            var properties = resource["Properties"]!;
            var callee = GroupOf(properties["GroupId"]);
            var caller = GroupOf(properties["SourceSecurityGroupId"]);
            if (callee is not null && caller is not null && groups.TryGetValue(callee, out var to) && groups.TryGetValue(caller, out var from) && !edges.Contains((from, to)))
            {
                problems.Add($"{id}: {from} may reach {to}, but the mesh has no edge {from} -> {to}");
            }
        }
    }

    private static void CheckIngress(string id, JsonObject rule, string? group, HashSet<string> loadBalancerGroups, List<string> problems)
    {
        var protocol = rule["IpProtocol"]?.ToString();
        if ((string?)rule["CidrIp"] == "0.0.0.0/0" || (string?)rule["CidrIpv6"] == "::/0")
        {
            if (group is null || !loadBalancerGroups.Contains(group))
            {
                problems.Add($"{id}: open to the internet but {group} is not a load balancer's group");
            }

            return;
        }

        if (rule["SourceSecurityGroupId"] is null)
        {
            return; // rules on an existing group (a Consul server group) from a CIDR are checked by their backend's tests
        }

        if (protocol is not ("tcp" or "udp"))
        {
            problems.Add($"{id}: IpProtocol {protocol} between security groups; only tcp or udp on the edge's port");
        }

        if (rule["FromPort"]?.ToString() != rule["ToPort"]?.ToString())
        {
            problems.Add($"{id}: a port range {rule["FromPort"]}-{rule["ToPort"]} between security groups; one port per edge");
        }
    }

    private static void CheckStatements(string id, JsonArray statements, List<string> problems)
    {
        foreach (var statement in statements.Select(s => s!.AsObject()))
        {
            var actions = statement["Action"] is { } a ? Strings(a) : [];
            var resources = statement["Resource"] is { } r ? Strings(r) : [];
            if (actions.Any(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)))
            {
                problems.Add($"{id}: wildcard action in {statement.ToJsonString()}");
            }

            if (resources.Contains("*") && !actions.All(ActionsWithoutResourceScope.Contains))
            {
                problems.Add($"{id}: Resource \"*\" for actions that can be scoped: {string.Join(", ", actions.Where(a => !ActionsWithoutResourceScope.Contains(a)))}");
            }
        }
    }

    private static void CheckSecrets(string id, JsonObject properties, List<string> problems)
    {
        foreach (var container in properties["ContainerDefinitions"]?.AsArray() ?? [])
        {
            foreach (var secret in container!["Secrets"]?.AsArray() ?? [])
            {
                var from = secret!["ValueFrom"];
                if (from is JsonValue value && !((string?)value ?? "").StartsWith("arn:", StringComparison.Ordinal))
                {
                    problems.Add($"{id}: secret {secret["Name"]} is not taken from an ARN: {from}");
                }
            }

            var secretNames = (container["Secrets"]?.AsArray() ?? []).Select(s => (string?)s!["Name"]).ToHashSet();
            foreach (var variable in container["Environment"]?.AsArray() ?? [])
            {
                if (secretNames.Contains((string?)variable!["Name"]))
                {
                    problems.Add($"{id}: {variable["Name"]} is both a secret and a plain environment variable");
                }
            }
        }
    }

    private static void CheckTaskRolesAreSeparate(Dictionary<string, JsonObject> resources, List<string> problems)
    {
        var roles = resources
            .Where(r => (string?)r.Value["Type"] == "AWS::ECS::TaskDefinition")
            .Select(r => (r.Key, Role: r.Value["Properties"]?["TaskRoleArn"]?.ToJsonString()))
            .Where(r => r.Role is not null)
            .GroupBy(r => r.Role)
            .Where(g => g.Count() > 1);
        foreach (var shared in roles)
        {
            problems.Add($"task definitions {string.Join(", ", shared.Select(s => s.Key))} share the task role {shared.Key}");
        }
    }

    /// <summary>Security groups named by a load balancer's SecurityGroups (Ref or GetAtt GroupId).</summary>
    private static HashSet<string> LoadBalancerSecurityGroups(Dictionary<string, JsonObject> resources) =>
        [.. resources.Values
            .Where(r => (string?)r["Type"] == "AWS::ElasticLoadBalancingV2::LoadBalancer")
            .SelectMany(r => r["Properties"]?["SecurityGroups"]?.AsArray() ?? [])
            .Select(GroupOf)
            .OfType<string>()];

    /// <summary>The logical ID a group id refers to (GetAtt or Ref), or a literal id such as an existing sg-….</summary>
    private static string? GroupOf(JsonNode? node) => node switch
    {
        JsonObject o when o["Fn::GetAtt"] is JsonArray getAtt => (string?)getAtt[0],
        JsonObject o when o["Ref"] is JsonValue reference => (string?)reference,
        JsonValue literal => (string?)literal,
        _ => null,
    };

    private static List<string> Strings(JsonNode node) => node is JsonArray array
        ? [.. array.Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : a!.ToJsonString())]
        : [node is JsonValue value && value.TryGetValue<string>(out var single) ? single : node.ToJsonString()];
}
