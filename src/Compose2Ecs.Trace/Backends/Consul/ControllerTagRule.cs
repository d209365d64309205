using System.Text.Json.Nodes;
using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Assembly;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.Consul;

/// <summary>
/// The mesh hop's registration: with ACLs, the consul-ecs controller treats only tasks tagged
/// <c>consul.hashicorp.com/mesh=true</c> as mesh tasks (isMeshTask in controller/resource.go) and
/// revokes the others' tokens every poll; the tag must reach the tasks (the task definition
/// tagged, the ECS service propagating TASK_DEFINITION tags).
/// </summary>
public sealed class ControllerTagRule : IHopRule
{
    public const string Id = "consul.mesh-tag";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new ConsulView(context.Graph);
        if (!call.IsLocal || !view.HasController(context.Apps))
        {
            yield break;
        }

        foreach (var name in call.Targets.Prepend(call.Caller).Distinct())
        {
            if (context.Apps.Find(name) is { } task && view.Config(task) is not null && Problem(context.Graph, task) is { } problem)
            {
                yield return Hop.Broken(HopKind.Mesh, name == call.Caller ? call.Upstream : name, Id, $"{name}: {problem}; the ACL controller deregisters it");
            }
        }
    }

    private static string? Problem(ResourceGraph graph, AppTask task)
    {
        var tagged = graph.Value(task.TaskDefinition, "Tags") is CfnListValue tags
            && tags.Items.OfType<CfnObjectValue>().Any(t => t.Entries.GetValueOrDefault("Key")?.Text == "consul.hashicorp.com/mesh" && t.Entries.GetValueOrDefault("Value")?.Text == "true");
        if (!tagged)
        {
            return "the task definition is not tagged consul.hashicorp.com/mesh=true";
        }

        var propagate = graph.Value(task.Service, "PropagateTags").Text;
        return propagate == "TASK_DEFINITION" ? null : $"the ECS service propagates {propagate ?? "no"} tags, so the tasks do not carry consul.hashicorp.com/mesh";
    }
}
