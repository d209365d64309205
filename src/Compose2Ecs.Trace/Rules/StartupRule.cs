using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Calls;

namespace Compose2Ecs.Trace.Rules;

/// <summary>
/// Start-up: every container dependency in the caller's task is satisfiable (the container exists;
/// HEALTHY needs its health check; SUCCESS and COMPLETE need a non-essential container), and a
/// compose <c>depends_on</c> makes the caller's ECS service wait for the target's (with
/// <c>service_healthy</c>, the target has a health check to wait for).
/// </summary>
public sealed class StartupRule : IHopRule
{
    public const string Id = "startup";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        if (context.Apps.Find(call.Caller) is not { } caller)
        {
            yield break;
        }

        foreach (var problem in Unsatisfiable(caller.Containers))
        {
            yield return Hop.Broken(HopKind.Startup, call.Upstream, Id, $"{call.Caller}'s task never starts: {problem}");
        }

        var dependency = context.Project.FindService(call.Caller)?.DependsOn.FirstOrDefault(d => d.Service == call.Upstream);
        if (dependency is null || context.Apps.Find(call.Upstream) is not { } target)
        {
            yield break;
        }

        if (!context.Graph.WaitsFor(caller.Service, target.Service))
        {
            yield return Hop.Broken(HopKind.Startup, call.Upstream, Id, $"depends_on {call.Upstream}: {call.Caller}'s ECS service does not wait for {call.Upstream}'s (no DependsOn)");
        }
        else if (dependency.Condition == "service_healthy" && target.AppContainer["HealthCheck"] is null)
        {
            yield return Hop.Broken(HopKind.Startup, call.Upstream, Id, $"depends_on {call.Upstream} (service_healthy): {call.Upstream}'s container has no health check");
        }
        else
        {
            yield return Hop.Ok(HopKind.Startup, call.Upstream, Id, $"{call.Caller} waits for {call.Upstream} ({dependency.Condition})");
        }
    }

    private static IEnumerable<string> Unsatisfiable(IReadOnlyList<JsonObject> containers)
    {
        var byName = containers.ToDictionary(c => c["Name"]?.GetValue<string>() ?? "", StringComparer.Ordinal);
        foreach (var container in containers)
        {
            foreach (var dependsOn in container["DependsOn"] as JsonArray ?? [])
            {
                var name = dependsOn?["ContainerName"]?.GetValue<string>() ?? "";
                var condition = dependsOn?["Condition"]?.GetValue<string>();
                var self = container["Name"]?.GetValue<string>();
                if (!byName.TryGetValue(name, out var other))
                {
                    yield return $"{self} waits for a container {name} the task does not have";
                }
                else if (condition == "HEALTHY" && other["HealthCheck"] is null)
                {
                    yield return $"{self} waits for {name} HEALTHY, but {name} has no health check";
                }
                else if (condition is "SUCCESS" or "COMPLETE" && other["Essential"]?.GetValue<bool>() != false)
                {
                    yield return $"{self} waits for {name} to exit ({condition}), but {name} is essential: its exit stops the task";
                }
            }
        }
    }
}
