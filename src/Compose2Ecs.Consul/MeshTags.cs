using System.Collections.Immutable;
using Compose2Ecs.Core.Ecs.Plan;

namespace Compose2Ecs.Consul;

/// <summary>
/// The task tags the consul-ecs controller reads (controller/resource.go): it keeps the tokens
/// and services only of tasks tagged <c>consul.hashicorp.com/mesh=true</c>, and with partitions
/// on it needs both the partition and the namespace tag (mesh-task and gateway-task main.tf tag
/// their task definitions so). ECS copies task definition tags onto tasks only with
/// <c>PropagateTags: TASK_DEFINITION</c>, which the modules' examples set on every service.
/// </summary>
internal static class MeshTags
{
    public const string Mesh = "consul.hashicorp.com/mesh";
    public const string ServiceName = "consul.hashicorp.com/service-name";
    public const string Partition = "consul.hashicorp.com/partition";
    public const string Namespace = "consul.hashicorp.com/namespace";

    /// <summary>A mesh or gateway task: the tags on its task definition (and ECS service), propagated from the task definition.</summary>
    public static ServicePlan Tag(ConsulContext consul, ServicePlan service, string consulName, bool gateway)
    {
        var tags = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        tags.Add(KeyValuePair.Create(Mesh, "true"));
        tags.Add(KeyValuePair.Create(ServiceName, consulName));
        if (consul.Settings.Partition is { } partition)
        {
            // The controller drops a task with a partition tag and no namespace tag; a gateway lives in "default" (gateway-task/config.tf).
            tags.Add(KeyValuePair.Create(Partition, partition));
            tags.Add(KeyValuePair.Create(Namespace, gateway ? "default" : consul.Settings.Namespace ?? "default"));
        }
        else if (!gateway && consul.Settings.Namespace is { } ns)
        {
            tags.Add(KeyValuePair.Create(Namespace, ns));
        }

        var keys = tags.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return service
            .UpdateEcsService(e => e with { Extra = e.Extra.With("PropagateTags", "TASK_DEFINITION") }) with
        {
            Tags = [.. service.Tags.Where(t => !keys.Contains(t.Key)), .. tags],
        };
    }
}
