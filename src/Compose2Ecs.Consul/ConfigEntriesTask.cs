using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Consul;

/// <summary>
/// <c>config_entries: task</c>: a task definition (no ECS service) whose one container runs
/// <c>consul config write</c> for every entry, and a custom resource that runs it once per
/// deployment in which the entries change: an inline Lambda function (no assets) calls
/// <c>ecs:RunTask</c>, waits for the task to stop and fails the deployment if it did not exit 0.
/// The entries travel in the task definition, gzipped and base64-encoded in one environment
/// variable (a task definition holds at most 64 KiB); the readable copies are the JSON files
/// written beside the templates.
/// </summary>
internal static class ConfigEntriesTask
{
    /// <summary>Room left in a task definition for the entries (the limit is 64 KiB for the whole definition).</summary>
    public const int MaxPayload = 48 * 1024;

    public static string Name => ConsulEcsDefaults.ConfigEntriesService;

    public static string Payload(IReadOnlyList<ConfigEntry> entries)
    {
        var lines = string.Concat(entries.Select(e => e.ToCompactJson() + "\n"));
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(lines));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    public static ServicePlan Task(ConsulContext consul, string payload)
    {
        var servers = consul.Servers;
        var scheme = servers.Tls ? "https" : "http";
        var script = new StringBuilder()
            .Append("mkdir -p /tmp/entries && cd /tmp/entries\n")
            .Append("printf '%s' \"$CONSUL_CONFIG_ENTRIES\" | base64 -d | gunzip | awk '{ f = sprintf(\"%04d.json\", NR); print > f; close(f) }'\n");
        if (consul.CaSecret is not null)
        {
            script.Append("printf '%s\\n' \"$CONSUL_HTTPS_CACERT_PEM\" > /tmp/consul-ca.pem\nexport CONSUL_CACERT=/tmp/consul-ca.pem\n");
        }

        script.Append("for f in *.json; do\n")
            // Servers still electing a leader (5xx) or a token not yet replicated (ACL not found): back off 2, 4 … 30 s, about 10 minutes in all (under the function's 15).
            .Append("  n=0; d=2\n")
            .Append("  until consul config write \"$f\"; do n=$((n+1)); [ \"$n\" -lt 24 ] || exit 1; sleep \"$d\"; d=$((d * 2)); [ \"$d\" -le 30 ] || d=30; done\n")
            .Append("done\n")
            .Append("echo \"wrote $(ls *.json | wc -l) config entries\"\n");

        var environment = ImmutableArray.CreateBuilder<ContainerEnvironment>();
        environment.Add(new ContainerEnvironment("CONSUL_HTTP_ADDR", $"{scheme}://{servers.Hosts}:{servers.HttpPort}"));
        if (servers.TlsServerName is { } sni)
        {
            environment.Add(new ContainerEnvironment("CONSUL_TLS_SERVER_NAME", sni));
        }

        // Consul Enterprise: the CLI's default tenancy (each entry also names its own), so nothing lands in default/default.
        if (consul.Settings.Partition is { } partition)
        {
            environment.Add(new ContainerEnvironment("CONSUL_PARTITION", partition));
        }

        if (consul.Settings.Namespace is { } ns)
        {
            environment.Add(new ContainerEnvironment("CONSUL_NAMESPACE", ns));
        }

        environment.Add(new ContainerEnvironment("CONSUL_CONFIG_ENTRIES", payload));
        var secrets = ImmutableArray.CreateBuilder<ContainerSecret>();
        if (consul.BootstrapToken is { } token)
        {
            secrets.Add(new ContainerSecret("CONSUL_HTTP_TOKEN", token));
        }

        if (consul.CaSecret is { } ca)
        {
            secrets.Add(new ContainerSecret("CONSUL_HTTPS_CACERT_PEM", ca));
        }

        var container = new ContainerPlan
        {
            Name = ConsulEcsDefaults.ConfigWriter,
            Image = consul.Settings.Images.ConsulServer,
            EntryPoint = ["/bin/sh", "-ec"],
            Command = [script.ToString()],
            Environment = environment.ToImmutable(),
            Secrets = secrets.ToImmutable(),
            Cpu = 256,
            MemoryMiB = 512,
            LogStreamPrefix = ConsulEcsDefaults.ConfigWriter,
        };
        return MeshTasks.AddSecretReads(consul, Synthetic.Service(consul, Name, container, discovery: false, createService: false));
    }

    /// <summary>The function, its role and log group, and the custom resource that runs the task.</summary>
    public static IEnumerable<TemplateResource> Runner(ConsulContext consul, EcsPlan plan, ImmutableArray<string> waitFor)
    {
        var task = new ServiceIds(Name);
        var ids = ConsulContext.Ids.ConfigEntriesFunction;
        var taskDefinitionArns = CfnValue.Sub($"arn:${{AWS::Partition}}:ecs:${{AWS::Region}}:${{AWS::AccountId}}:task-definition/{CfnValue.SubLiteral(consul.Family(Name))}:*");
        var clusterCondition = new CfnMap([KeyValuePair.Create<string, CfnValue>("ArnEquals", new CfnMap([KeyValuePair.Create("ecs:cluster", consul.ClusterArn)]))]);

        yield return new TemplateResource(ConsulContext.Ids.ConfigEntriesFunctionLogGroup, "AWS::Logs::LogGroup", new CfnMapBuilder().Add("RetentionInDays", 30).Build())
        {
            DeletionPolicy = "Retain",
            UpdateReplacePolicy = "Retain",
        };

        yield return new TemplateResource(ConsulContext.Ids.ConfigEntriesFunctionRole, "AWS::IAM::Role", new CfnMapBuilder()
            .Add("AssumeRolePolicyDocument", TrustPolicy.For("lambda.amazonaws.com"))
            .Add("Description", "consul backend: runs the config-entries task once per deployment")
            .AddList("Policies", [new CfnMapBuilder()
                .Add("PolicyName", "run-consul-config-entries")
                .Add("PolicyDocument", new CfnMapBuilder()
                    .Add("Version", "2012-10-17")
                    .AddList("Statement",
                    [
                        Statement(["ecs:RunTask"], [taskDefinitionArns], clusterCondition),
                        Statement(["ecs:DescribeTasks"], [consul.ClusterTasks], null),
                        Statement(["iam:PassRole"], [CfnValue.GetAtt(task.TaskRole, "Arn"), CfnValue.GetAtt(task.ExecutionRole, "Arn")], null),
                        Statement(["logs:CreateLogStream", "logs:PutLogEvents"], [CfnValue.GetAtt(ConsulContext.Ids.ConfigEntriesFunctionLogGroup, "Arn")], null),
                    ])
                    .Build())
                .Build()])
            .Build());

        yield return new TemplateResource(ids, "AWS::Lambda::Function", new CfnMapBuilder()
            .Add("Description", "consul backend: runs the Consul config-entries task and waits for it")
            .Add("Runtime", "python3.12")
            .Add("Handler", "index.handler")
            .Add("Timeout", 900)
            .Add("MemorySize", 128)
            .Add("Role", CfnValue.GetAtt(ConsulContext.Ids.ConfigEntriesFunctionRole, "Arn"))
            .Add("LoggingConfig", new CfnMapBuilder().Add("LogGroup", CfnValue.Ref(ConsulContext.Ids.ConfigEntriesFunctionLogGroup)).Build())
            .Add("Code", new CfnMapBuilder().Add("ZipFile", FunctionCode).Build())
            .Build());

        yield return new TemplateResource(ConsulContext.Ids.ConfigEntriesRun, "Custom::ConsulConfigEntries", new CfnMapBuilder()
            .Add("ServiceToken", CfnValue.GetAtt(ids, "Arn"))
            .Add("Cluster", plan.Cluster.Cluster)
            .Add("TaskDefinition", CfnValue.Ref(task.TaskDefinition))
            .AddList("Subnets", plan.Network.PrivateSubnets)
            .AddList("SecurityGroups", [CfnValue.GetAtt(task.SecurityGroup, "GroupId"), consul.ClientGroupId])
            .Build())
        {
            DependsOn = [.. waitFor, .. consul.NetworkReady],
        };
    }

    private static CfnValue Statement(string[] actions, CfnValue[] resources, CfnMap? condition)
    {
        var builder = new CfnMapBuilder()
            .Add("Effect", "Allow")
            .Add("Action", actions.Length == 1 ? (CfnValue)actions[0] : CfnList.Of(actions.Select(a => (CfnValue)a)))
            .Add("Resource", resources.Length == 1 ? resources[0] : CfnList.Of(resources));
        return builder.AddMap("Condition", condition).Build();
    }

    /// <summary>
    /// Inline (Code.ZipFile: no assets, and cfnresponse is provided). Create and Update run the
    /// task and wait; Delete does nothing (config entries outlive the stack, like the servers).
    /// </summary>
    private const string FunctionCode = """
        import time
        import boto3
        import cfnresponse

        ecs = boto3.client("ecs")


        def run_task(p, context):
            # New roles and groups are eventually consistent, and RunTask throttles: retry with backoff while time is left.
            delay = 2
            while True:
                try:
                    run = ecs.run_task(
                        cluster=p["Cluster"], taskDefinition=p["TaskDefinition"], launchType="FARGATE", count=1,
                        networkConfiguration={"awsvpcConfiguration": {
                            "subnets": p["Subnets"], "securityGroups": p["SecurityGroups"], "assignPublicIp": "DISABLED"}})
                    if run.get("tasks") and not run.get("failures"):
                        return run["tasks"][0]["taskArn"]
                    problem = "RunTask failed: %s" % run.get("failures")
                except Exception as e:
                    problem = "RunTask failed: %s" % e
                if context.get_remaining_time_in_millis() < (delay + 120) * 1000:
                    raise RuntimeError(problem)
                time.sleep(delay)
                delay = min(delay * 2, 30)


        def handler(event, context):
            physical = event.get("PhysicalResourceId", "consul-config-entries")
            if event["RequestType"] == "Delete":
                cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical)
                return
            p = event["ResourceProperties"]
            try:
                arn = run_task(p, context)
                while context.get_remaining_time_in_millis() > 30000:
                    time.sleep(10)
                    try:
                        tasks = ecs.describe_tasks(cluster=p["Cluster"], tasks=[arn])["tasks"]
                    except Exception:
                        continue  # throttled or not yet visible: ask again
                    if not tasks:
                        continue
                    task = tasks[0]
                    if task["lastStatus"] == "STOPPED":
                        codes = [c.get("exitCode") for c in task["containers"]]
                        if codes and all(c == 0 for c in codes):
                            cfnresponse.send(event, context, cfnresponse.SUCCESS, {"TaskArn": arn}, arn)
                            return
                        raise RuntimeError("config entries task %s failed: %s %s" % (arn, task.get("stoppedReason"), codes))
                raise RuntimeError("config entries task %s did not finish in time" % arn)
            except Exception as e:
                cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical, reason=str(e)[:400])

        """;
}
