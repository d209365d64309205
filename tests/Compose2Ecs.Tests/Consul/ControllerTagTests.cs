using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Consul.Tests;

/// <summary>
/// The consul-ecs controller keeps the tokens and services only of the tasks its filter selects
/// (consul-ecs v0.10.0 controller/resource.go: isMeshTask, taskStateFromTask). The filter is
/// reimplemented here over the tags a running task would carry: ECS copies them from the task
/// definition with PropagateTags TASK_DEFINITION, from the service with SERVICE, else none.
/// </summary>
public sealed class ControllerTagTests
{
    private const string MeshTag = "consul.hashicorp.com/mesh";
    private const string PartitionTag = "consul.hashicorp.com/partition";
    private const string NamespaceTag = "consul.hashicorp.com/namespace";

    /// <summary>resource.go tagValue: the first tag of that key, or "".</summary>
    private static string TagValue(IReadOnlyList<(string Key, string Value)> tags, string key) =>
        tags.FirstOrDefault(t => t.Key == key).Value ?? "";

    /// <summary>isMeshTask, then taskStateFromTask's partition check (both tags or neither), then "state.Partition != s.Partition".</summary>
    private static bool ControllerKeeps(IReadOnlyList<(string Key, string Value)> tags, string controllerPartition)
    {
        if (TagValue(tags, MeshTag) != "true")
        {
            return false;
        }

        string partition = "", ns = "";
        if (controllerPartition != "")
        {
            partition = TagValue(tags, PartitionTag);
            ns = TagValue(tags, NamespaceTag);
            if (partition == "" && ns == "")
            {
                partition = "default";
            }
            else if (partition == "" || ns == "")
            {
                return false;
            }
        }

        return partition == controllerPartition;
    }

    private static List<(string Key, string Value)> Tags(JsonNode? tags) =>
        [.. tags?.AsArray().Select(t => ((string)t!["Key"]!, (string)t["Value"]!)) ?? []];

    /// <summary>The tags ECS puts on the tasks of <paramref name="service"/>.</summary>
    private static List<(string Key, string Value)> TaskTags(Consul.Built built, string service)
    {
        var ecs = built.Properties(LogicalIds.For(service, "Service"));
        return (string?)ecs["PropagateTags"] switch
        {
            "TASK_DEFINITION" => Tags(built.Properties(LogicalIds.For(service, "TaskDefinition"))["Tags"]),
            "SERVICE" => Tags(ecs["Tags"]),
            _ => [],
        };
    }

    /// <summary>Every ECS service whose task runs consul-ecs mesh-init: the mesh tasks and the gateway.</summary>
    private static List<string> MeshServices(Consul.Built built) =>
        [.. built.Plan.Services.Where(s => s.EcsService.Create && s.TaskDefinition.Containers.Any(c => c.Name == "consul-ecs-mesh-init")).Select(s => s.Name)];

    private const string WithGateway = """
        name: shop
        x-mesh:
          backend: consul
          gateway: { port: 80, routes: [{ path_prefix: /, to: web }] }
          consul: { dev_server: true, acls: true }
        services:
          web:
            image: example/web:1
            expose: ["8080"]
            x-mesh: { upstreams: [{ service: api, local_port: 9000 }] }
          api:
            image: example/api:1
            expose: ["9090"]
        """;

    [Theory]
    [InlineData("consul-dev")]
    [InlineData("consul-agent")]
    public void The_controller_selects_every_mesh_task_of_the_examples(string example)
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, File.ReadAllText(Path.Combine(Paths.Example(example), "compose.yaml")), new Core.Ecs.SynthOptions());
        var services = MeshServices(built);
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.True(ControllerKeeps(TaskTags(built, s), ""), s));
    }

    [Fact]
    public void The_gateway_task_is_selected_and_names_its_service_and_the_backends_own_tasks_are_not()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, WithGateway);
        var services = MeshServices(built);
        Assert.Contains("consul-api-gateway", services);
        Assert.All(services, s => Assert.True(ControllerKeeps(TaskTags(built, s), ""), s));
        Assert.Contains(("consul.hashicorp.com/service-name", "shop-api-gateway"), TaskTags(built, "consul-api-gateway"));
        Assert.Contains(("consul.hashicorp.com/service-name", "api"), TaskTags(built, "api"));
        Assert.False(ControllerKeeps(TaskTags(built, "consul-ecs-controller"), ""));
        Assert.False(ControllerKeeps(TaskTags(built, "consul-server"), ""));
    }

    [Fact]
    public void With_a_partition_every_task_carries_both_partition_and_namespace_tags()
    {
        using var dir = new TempDir();
        var compose = WithGateway.Replace("consul: { dev_server: true, acls: true }", "consul: { dev_server: true, acls: true, partition: part-1, namespace: team-a }", StringComparison.Ordinal);
        var built = Consul.Build(dir, compose);
        var services = MeshServices(built);
        Assert.All(services, s => Assert.True(ControllerKeeps(TaskTags(built, s), "part-1"), s));
        Assert.All(services, s => Assert.False(ControllerKeeps(TaskTags(built, s), "other"), s));
        Assert.Contains((NamespaceTag, "team-a"), TaskTags(built, "api"));
        Assert.Contains((NamespaceTag, "default"), TaskTags(built, "consul-api-gateway"));
    }

    [Fact]
    public void Compose_labels_stay_on_the_task_definition_beside_the_mesh_tags()
    {
        using var dir = new TempDir();
        var built = Consul.Build(dir, WithGateway.Replace("image: example/api:1", "image: example/api:1\n    labels: { team: payments }", StringComparison.Ordinal));
        var tags = TaskTags(built, "api");
        Assert.Contains(("team", "payments"), tags);
        Assert.Contains((MeshTag, "true"), tags);
    }
}
