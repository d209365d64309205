using System.Text.Json.Nodes;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Hardening.Tests;

/// <summary>
/// Reads every template of every example and backend and checks the security model:
/// service-to-service rules are TCP (or the declared UDP) on one port from one security
/// group; 0.0.0.0/0 only on load balancer groups; no IAM wildcard actions; a wildcard
/// resource only for actions that have no resource-level permissions; no secret grant with a
/// wildcard resource; no generated name or description past its AWS limit; no secret in the
/// template; one task role per task definition. It reads the assemblies the CDK wrote
/// (shared with the other tests of the collection, each pair synthesized once).
/// </summary>
[Collection(CdkAssembliesCollection.Name)]
public partial class LeastPrivilegeTests(CdkAssemblies assemblies)
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

        CheckNameLimits(resources, problems);
        CheckTaskRolesAreSeparate(resources, problems);
        CheckRulesFollowEdges(Matrix.Load(example), backend, resources, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(resources.Values, r => (string?)r["Type"] == "AWS::ECS::TaskDefinition");
    }

    public static TheoryData<string> CorpusBackends() => new(Matrix.Backends);

    /// <summary>
    /// Every loadable corpus file with each backend, from the templates synth builds (no CDK): no
    /// IAM statement grants a wildcard action or secret, no secret is in the template, and no
    /// generated name or description passes its AWS limit. A file the loader refuses, or a backend
    /// refuses by design, is counted, not checked.
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusBackends))]
    public void Corpus_templates_grant_no_wildcard_and_pass_no_name_limit(string backend)
    {
        using var dir = new TempDir();
        var consul = dir.File("consul.yml", "x-mesh:\n  consul:\n    dev_server: true\n");
        var options = new Compose2Ecs.Core.Ecs.SynthOptions { Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/corpus", Mesh = backend };
        var problems = new List<string>();
        var checkedFiles = 0;
        foreach (var entry in Corpus.Entries)
        {
            if (CorpusBuild(entry, backend == "consul" ? consul : null, options) is not { } output)
            {
                continue;
            }

            checkedFiles++;
            var resources = output.All.SelectMany(t => t.Resources).ToDictionary(r => r.Key, r => r.Value!.AsObject());
            var found = new List<string>();
            foreach (var (id, resource) in resources)
            {
                var properties = resource["Properties"] as JsonObject ?? [];
                switch ((string?)resource["Type"])
                {
                    case "AWS::IAM::Role":
                        foreach (var policy in properties["Policies"]?.AsArray() ?? [])
                        {
                            CheckStatements(id, policy!["PolicyDocument"]!["Statement"]!.AsArray(), found);
                        }

                        break;
                    case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                        CheckStatements(id, properties["PolicyDocument"]!["Statement"]!.AsArray(), found);
                        break;
                    case "AWS::ECS::TaskDefinition":
                        CheckSecrets(id, properties, found);
                        break;
                }
            }

            CheckNameLimits(resources, found);
            problems.AddRange(found.Select(f => $"{entry.File}: {f}"));
        }

        // App Mesh refuses more files since tcp is the default protocol: a caller of two tcp services
        // on one port (App Mesh tells tcp backends apart only by port) is a located error.
        var floor = backend == "appmesh" ? 45 : 50;
        Assert.True(checkedFiles >= floor, $"only {checkedFiles} corpus files synthesized with {backend}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static PureSynth.Output? CorpusBuild(CorpusEntry entry, string? overrideFile, Compose2Ecs.Core.Ecs.SynthOptions options)
    {
        Compose2Ecs.Core.Compose.Model.ComposeProject project;
        try
        {
            project = Synth.Load(entry.Directory, [.. entry.Files, .. overrideFile is null ? Array.Empty<string>() : [overrideFile]]);
        }
        catch (Compose2Ecs.Core.Diagnostics.InvalidInputException)
        {
            return null;
        }

        try
        {
            return PureSynth.Project(project, options);
        }
        catch (Compose2Ecs.Core.Diagnostics.InvalidInputException e) when (e.Errors.All(CorpusSecrets.IsSecretError))
        {
            return PureSynth.Project(CorpusSecrets.WithExternalSecrets(project), options);
        }
        catch (Compose2Ecs.Core.Diagnostics.InvalidInputException)
        {
            return null;
        }
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

            if (actions.Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal) || a.StartsWith("ssm:", StringComparison.Ordinal))
                && resources.Any(r => WildcardSecret().IsMatch(r.EndsWith("-??????", StringComparison.Ordinal) ? r[..^7] : r)))
            {
                problems.Add($"{id}: a secret grant with a wildcard resource (one secret per ARN, a trailing -?????? at most): {statement.ToJsonString()}");
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

    /// <summary>The AWS limits of the names and texts templates set (CloudFormation and service API references).</summary>
    private static readonly Dictionary<(string Type, string Property), int> NameLimits = new()
    {
        [("AWS::ECS::TaskDefinition", "Family")] = 255,
        [("AWS::ECS::Service", "ServiceName")] = 255,
        [("AWS::ECS::Cluster", "ClusterName")] = 255,
        [("AWS::EC2::SecurityGroup", "GroupDescription")] = 255,
        [("AWS::EC2::SecurityGroupIngress", "Description")] = 255,
        [("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name")] = 32,
        [("AWS::ElasticLoadBalancingV2::TargetGroup", "Name")] = 32,
        [("AWS::IAM::Role", "RoleName")] = 64,
        [("AWS::IAM::Role", "Path")] = 512,
        [("AWS::IAM::Role", "Description")] = 1000,
        [("AWS::Logs::LogGroup", "LogGroupName")] = 512,
        [("AWS::ServiceDiscovery::Service", "Name")] = 127,
        [("AWS::ServiceDiscovery::Service", "Description")] = 1024,
        [("AWS::AppMesh::Mesh", "MeshName")] = 255,
        [("AWS::AppMesh::VirtualNode", "VirtualNodeName")] = 255,
        [("AWS::AppMesh::VirtualService", "VirtualServiceName")] = 255,
        [("AWS::AppMesh::VirtualRouter", "VirtualRouterName")] = 255,
        [("AWS::AppMesh::Route", "RouteName")] = 255,
        [("AWS::AppMesh::VirtualGateway", "VirtualGatewayName")] = 255,
        [("AWS::AppMesh::GatewayRoute", "GatewayRouteName")] = 255,
    };

    /// <summary>No literal name or description set by a template passes its AWS limit; Cloud Map names are DNS labels of 63 at most; tags 256.</summary>
    private static void CheckNameLimits(Dictionary<string, JsonObject> resources, List<string> problems)
    {
        foreach (var (id, resource) in resources)
        {
            var type = (string?)resource["Type"] ?? "";
            var properties = resource["Properties"] as JsonObject ?? [];
            foreach (var (property, value) in properties)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text) && NameLimits.TryGetValue((type, property), out var limit) && text.Length > limit)
                {
                    problems.Add($"{id}: {property} is {text.Length} characters; AWS allows {limit}");
                }
            }

            if (type == "AWS::ServiceDiscovery::Service" && (string?)properties["Name"] is { } name && name.Split('.').Any(l => l.Length > 63))
            {
                problems.Add($"{id}: Cloud Map name {name} has a DNS label over 63 characters");
            }

            foreach (var container in properties["ContainerDefinitions"]?.AsArray() ?? [])
            {
                if ((string?)container!["Name"] is { Length: > 255 } containerName)
                {
                    problems.Add($"{id}: container name of {containerName.Length} characters; ECS allows 255");
                }
            }

            foreach (var tag in properties["Tags"] as JsonArray ?? [])
            {
                if (tag is JsonObject t && t["Value"] is JsonValue tv && tv.TryGetValue<string>(out var tagValue) && tagValue.Length > 256)
                {
                    problems.Add($"{id}: tag {t["Key"]} is {tagValue.Length} characters; AWS allows 256");
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

    /// <summary>A secret resource that matches more than one secret: a wildcard anywhere (after the one allowed -?????? suffix).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[*?]")]
    private static partial System.Text.RegularExpressions.Regex WildcardSecret();
}
