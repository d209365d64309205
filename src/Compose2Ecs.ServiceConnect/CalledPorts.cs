using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// Ports of a mesh service other than its listener that its callers use. The mesh model gives each
/// service one listener, but a service with several ports (an API on 8080 and its metrics or admin on
/// 9100) is called on each of them under docker compose. A caller's environment that names
/// <c>&lt;service&gt;:&lt;port&gt;</c> (or <c>&lt;service&gt;.&lt;namespace&gt;:&lt;port&gt;</c>) for another container port of a service it calls (by upstreams or
/// depends_on) is such a use: that port gets its own Service Connect endpoint (client aliases
/// <c>&lt;service&gt;:&lt;port&gt;</c> and <c>&lt;service&gt;.&lt;namespace&gt;:&lt;port&gt;</c>, discovery names <c>&lt;service&gt;-&lt;port&gt;-sc</c> and <c>-sc-ns</c>) and each such caller
/// one security-group rule on it. ECS allows several Service Connect services per ECS service, one per
/// named port mapping.
/// </summary>
public static partial class CalledPorts
{
    /// <summary>One use: <paramref name="Caller"/> dials <paramref name="Target"/> on <paramref name="Port"/>.</summary>
    public sealed record Use(string Caller, string Target, int Port);

    public static ImmutableArray<Use> Find(EcsPlan plan, MeshModel mesh)
    {
        var uses = new List<Use>();
        foreach (var caller in plan.Services)
        {
            var called = mesh.EdgesFrom(caller.Name).SelectMany(e => e.Targets).Select(e => e.Target).ToHashSet(StringComparer.Ordinal);
            foreach (var target in called)
            {
                if (mesh.FindService(target) is not { Listener: { } listener } service)
                {
                    continue;
                }

                var alias = ServiceConnectNames.Alias(target);
                var namespaced = ServiceConnectNames.NamespacedAlias(target, mesh.Namespace);
                foreach (var variable in caller.AppContainer.Environment)
                {
                    if (variable.Value is not CfnString { Value: var value })
                    {
                        continue;
                    }

                    foreach (Match m in HostPort().Matches(value))
                    {
                        var host = m.Groups["host"].Value;
                        if ((string.Equals(host, alias, StringComparison.OrdinalIgnoreCase) || string.Equals(host, namespaced, StringComparison.OrdinalIgnoreCase))
                            && int.TryParse(m.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                            && port != listener.Port && service.ContainerPorts.Contains(port))
                        {
                            uses.Add(new Use(caller.Name, target, port));
                        }
                    }
                }
            }
        }

        return [.. uses.Distinct().OrderBy(u => u.Target, StringComparer.Ordinal).ThenBy(u => u.Port).ThenBy(u => u.Caller, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])(?<host>[A-Za-z0-9_][A-Za-z0-9_.-]*):(?<port>\d{1,5})(?![0-9])")]
    private static partial Regex HostPort();
}
