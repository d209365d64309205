using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Apps written for a backend with local upstream listeners (<c>localhost:&lt;local_port&gt;</c>, where the sidecar listens)
/// keep those addresses when moved to a backend where nothing listens on them (a backend whose proxy
/// takes calls to the upstream's name). For such a backend, an environment value of a caller
/// that names <c>localhost</c> (or <c>127.0.0.1</c>) on the <c>local_port</c> of one of its mesh upstreams is
/// rewritten to the name the backend answers and the upstream's port (<c>http://localhost:9090</c> →
/// <c>http://api:9000</c>), one located note per variable (it reports what was done, nothing breaks) saying what to write instead. Other localhost
/// values (the app's own ports) are left alone.
/// </summary>
public static partial class LocalListenerAddresses
{
    /// <param name="nameOf">The host the backend answers for an upstream (its short name, a client alias).</param>
    /// <param name="code">The backend's code for the note.</param>
    /// <param name="why">Why the local listener is gone, as the note says it (<c>which App Mesh does not have: …</c>).</param>
    public static EcsPlan Rewrite(EcsPlan plan, MeshModel mesh, ComposeProject project, Func<string, string> nameOf, string code, string why)
    {
        var warnings = new List<Diagnostic>();
        // Every service's rewrites are collected first and applied in one pass over the plan:
        // updating the plan once per rewritten service would copy the service list each time.
        var rewrittenByService = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var service in plan.Services)
        {
            var upstreams = mesh.EdgesFrom(service.Name)
                .Where(e => e.LocalPort is not null && e.Via == EdgeVia.Mesh)
                .GroupBy(e => e.LocalPort!.Value)
                .ToDictionary(g => g.Key, g => g.First());
            if (upstreams.Count == 0)
            {
                continue;
            }

            var compose = project.FindService(service.Name);
            var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in service.AppContainer.Environment)
            {
                if (variable.Value is not CfnString { Value: var value })
                {
                    continue;
                }

                var replaced = Local().Replace(value, m =>
                    int.TryParse(m.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && upstreams.TryGetValue(port, out var edge)
                        ? $"{nameOf(edge.Upstream)}:{edge.Port.ToString(CultureInfo.InvariantCulture)}"
                        : m.Value);
                if (replaced == value)
                {
                    continue;
                }

                rewritten[variable.Name] = replaced;
                var location = compose?.Environment.LastOrDefault(e => e.Name == variable.Name)?.Location ?? service.Location;
                warnings.Add(Diagnostic.Note(location, code,
                    $"services.{service.Name}.environment.{variable.Name}: \"{value}\" is an upstream's local listener (local_port), {why}; rewritten to \"{replaced}\". Write that value in compose to make this explicit"));
            }

            if (rewritten.Count > 0)
            {
                rewrittenByService[service.Name] = rewritten;
            }
        }

        if (rewrittenByService.Count > 0)
        {
            plan = plan.UpdateServices(s => rewrittenByService.TryGetValue(s.Name, out var rewritten)
                ? s.UpdateTaskDefinition(task => task.UpdateContainer(task.AppContainerName, app => app with
                {
                    Environment = [.. app.Environment.Select(e => rewritten.TryGetValue(e.Name, out var v) ? e with { Value = CfnValue.Of(v) } : e)],
                }))
                : s);
        }

        return plan.AddWarnings(warnings);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])(?:localhost|127\.0\.0\.1):(?<port>\d{1,5})(?![0-9])")]
    private static partial Regex Local();
}
