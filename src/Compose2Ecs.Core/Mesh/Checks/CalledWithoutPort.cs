using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// A service that others call and that has no port from any source (spec §2, "The port of a
/// service") would get no listener, no DNS name and no security-group rule: its callers could
/// never reach it. That is an error at the service, naming its callers and what to add, never a
/// silent drop. Calls here are <c>depends_on</c> edges of callers that let <c>depends_on</c>
/// decide what they call; an upstream naming such a service is already an error at the upstream.
/// </summary>
internal static class CalledWithoutPort
{
    public static void Check(NodeReader fields, IReadOnlyList<ServiceDraft> drafts)
    {
        // Who depends on whom, in one pass: asking per target scanned every draft once per target.
        var callersOf = drafts
            .Where(caller => caller.Mesh is null || caller.DeclaredUpstreams is null)
            .SelectMany(caller => caller.Compose.DependsOn
                .Where(d => d.Service != caller.Name && d.Condition != ServiceDependency.CompletedSuccessfully)
                .Select(d => d.Service)
                .Distinct()
                .Select(target => (Target: target, Caller: caller.Name)))
            .ToLookup(call => call.Target, call => call.Caller, StringComparer.Ordinal);
        foreach (var target in drafts.Where(HasNoPort))
        {
            var callers = callersOf[target.Name].ToList();
            if (callers.Count == 0)
            {
                continue;
            }

            var image = target.Compose.Image is { } written ? $" and its image ({written}) has no well-known port" : "";
            fields.Error(target.Compose.Location, MeshDiagnosticCodes.CalledWithoutPort, $"services.{target.Name}",
                $"{string.Join(", ", callers)} depend{(callers.Count == 1 ? "s" : "")} on {target.Name}, but {target.Name} declares no port{image}, "
                + $"and no caller's environment names one, so nothing could reach it; add the port it listens on (expose: [\"<port>\"]), "
                + $"or, if the callers only wait for it to finish, depends_on with condition: service_completed_successfully");
        }
    }

    /// <summary>No port from any source, and not a service that says it listens on nothing (<c>outbound_only: true</c>).</summary>
    private static bool HasNoPort(ServiceDraft draft) => draft.ReachablePorts.IsEmpty && draft switch
    {
        { Mesh: not null } => !SaysOutboundOnly(draft.Compose),
        { Plain: not null } => true,
        _ => false,
    };

    private static bool SaysOutboundOnly(ComposeService service) =>
        service.Mesh is MappingNode map && map["outbound_only"] is ScalarNode flag && CoreSchema.TryGetBool(flag.Value, out var value) && value;
}
