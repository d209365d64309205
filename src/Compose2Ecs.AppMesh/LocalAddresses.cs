using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// Apps written for a backend with local upstream listeners (Consul on Fargate: <c>localhost:&lt;local_port&gt;</c>)
/// keep those addresses when moved to App Mesh, where nothing listens on them: App Mesh's Envoy takes
/// connections to the upstream's own name and port, and iptables leaves loopback alone. An environment
/// value of a caller that names <c>localhost</c> (or <c>127.0.0.1</c>) on the <c>local_port</c> of one of its
/// mesh upstreams is rewritten to that upstream's short name and port (<c>http://localhost:9090</c> →
/// <c>http://api:9000</c>, matched by the short-name virtual service), one located warning per variable
/// saying what to write instead. Other localhost values (the app's own ports) are left alone.
/// </summary>
public static partial class LocalAddresses
{
    public static EcsPlan Apply(EcsPlan plan, MeshModel mesh, ComposeProject project)
    {
        var warnings = new List<Diagnostic>();
        foreach (var service in mesh.Services)
        {
            var upstreams = mesh.EdgesFrom(service.Name)
                .Where(e => e.LocalPort is not null && e.Via == EdgeVia.Mesh)
                .GroupBy(e => e.LocalPort!.Value)
                .ToDictionary(g => g.Key, g => g.First());
            if (upstreams.Count == 0 || plan.FindService(service.Name) is not { } planned)
            {
                continue;
            }

            var compose = project.FindService(service.Name);
            var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in planned.AppContainer.Environment)
            {
                if (variable.Value is not CfnString { Value: var value })
                {
                    continue;
                }

                var replaced = Local().Replace(value, m =>
                    int.TryParse(m.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && upstreams.TryGetValue(port, out var edge)
                        ? $"{edge.Upstream}:{edge.Port.ToString(CultureInfo.InvariantCulture)}"
                        : m.Value);
                if (replaced == value)
                {
                    continue;
                }

                rewritten[variable.Name] = replaced;
                var location = compose?.Environment.LastOrDefault(e => e.Name == variable.Name)?.Location ?? service.Location;
                warnings.Add(Diagnostic.Warning(location, AppMeshDiagnosticCodes.LocalhostAddress,
                    $"services.{service.Name}.environment.{variable.Name}: \"{value}\" is an upstream's local listener (local_port), which App Mesh does not have: its Envoy takes calls to the upstream's name; rewritten to \"{replaced}\". Write that value in compose to make this explicit"));
            }

            if (rewritten.Count > 0)
            {
                plan = plan.UpdateService(service.Name, s => s.UpdateTaskDefinition(task => task.UpdateContainer(task.AppContainerName, app => app with
                {
                    Environment = [.. app.Environment.Select(e => rewritten.TryGetValue(e.Name, out var v) ? e with { Value = CfnValue.Of(v) } : e)],
                })));
            }
        }

        return plan.AddWarnings(warnings);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])(?:localhost|127\.0\.0\.1):(?<port>\d{1,5})(?![0-9])")]
    private static partial Regex Local();
}
