using System.Globalization;
using Compose2Ecs.Core.Mesh.Addresses;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A caller's environment that dials a service on a port the service does not declare
/// (<c>N8N_RUNNERS_TASK_BROKER_URI=http://n8n:5679</c> while n8n exposes 5678 only). Under docker
/// compose's flat network that works, since every container port is reachable; on ECS only declared
/// ports get a listener, an endpoint and a security-group rule, so the call is refused. A warning at
/// the variable, naming the ports the service has and what to add, never a silent drop.
/// </summary>
internal static class UndeclaredCalledPort
{
    public static void Warn(NodeReader fields, IReadOnlyList<ServiceDraft> drafts, KnownAddressNames names)
    {
        var ports = drafts.ToDictionary(d => d.Name, Ports, StringComparer.Ordinal);
        foreach (var caller in drafts)
        {
            var seen = new HashSet<(string, int)>();
            foreach (var address in ImpliedCalls.Addresses(caller.Compose, names))
            {
                if (address.Port is not { } port || !ports.TryGetValue(address.Name, out var declared) || declared.Count == 0
                    || declared.Contains(port) || !seen.Add((address.Name, port)))
                {
                    continue;
                }

                var listed = string.Join(", ", declared.Order().Select(p => p.ToString(CultureInfo.InvariantCulture)));
                var text = port.ToString(CultureInfo.InvariantCulture);
                fields.Warning(address.Location, MeshDiagnosticCodes.UndeclaredCalledPort, $"services.{caller.Name}.environment.{address.Variable}",
                    $"calls {address.Name} on port {text}, but {address.Name} declares {listed} only, and on ECS only a declared port is reachable "
                    + $"(docker compose's network reaches every container port); add it to {address.Name} (expose: [\"{text}\"]), or call a port it declares");
            }
        }
    }

    /// <summary>The ports a service is reachable on: its listener and container ports (empty: unknown, C2E2010's business).</summary>
    private static HashSet<int> Ports(ServiceDraft draft) => [.. draft.ReachablePorts];
}
