using System.Text.Json.Nodes;

namespace Compose2Ecs.Consul;

/// <summary>
/// Consul Enterprise: with <c>consul.partition</c> and <c>consul.namespace</c>, every config entry
/// and every reference in one (intention sources, route services, gateway parents) names its
/// namespace and partition, so nothing lands in default/default. The API gateway lives in the
/// partition's <c>default</c> namespace (gateway-task/config.tf), its entries and its intention source too.
/// </summary>
internal static class Tenancy
{
    public const string GatewayNamespace = "default";

    public static void Apply(IEnumerable<ConfigEntry> entries, ConsulSettings settings, ConsulNames names)
    {
        if (settings.Partition is not { } partition || settings.Namespace is not { } ns)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var gateway = entry.Kind is "api-gateway" or "http-route" or "tcp-route";
            Set(entry.Body, gateway ? GatewayNamespace : ns, partition);
            foreach (var source in entry.Body["Sources"]?.AsArray() ?? [])
            {
                var isGateway = (string?)source!["Name"] == names.Gateway;
                Set(source.AsObject(), isGateway ? GatewayNamespace : ns, partition);
            }

            foreach (var parent in entry.Body["Parents"]?.AsArray() ?? [])
            {
                Set(parent!.AsObject(), GatewayNamespace, partition);
            }

            foreach (var rule in entry.Body["Rules"]?.AsArray() ?? [])
            {
                foreach (var service in rule!["Services"]?.AsArray() ?? [])
                {
                    Set(service!.AsObject(), ns, partition);
                }
            }

            foreach (var service in entry.Body["Services"]?.AsArray() ?? [])
            {
                Set(service!.AsObject(), ns, partition);
            }
        }
    }

    private static void Set(JsonObject target, string ns, string partition)
    {
        target["Namespace"] = ns;
        target["Partition"] = partition;
    }
}
