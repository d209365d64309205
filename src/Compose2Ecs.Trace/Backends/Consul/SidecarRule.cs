using Compose2Ecs.Trace.Application;
using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.Consul;

/// <summary>
/// The proxy hop's start: the sidecar images can run the task's design (the client-agent design
/// needs consul-ecs 0.6.x: 0.7+ mesh-init only writes a consul-dataplane config; the dataplane
/// design needs 0.7+), and the app waits for the proxy HEALTHY.
/// </summary>
public sealed class SidecarRule : IHopRule
{
    public const string Id = "consul.sidecar";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new ConsulView(context.Graph);
        foreach (var name in call.Targets.Prepend(call.Caller).Distinct())
        {
            if (context.Apps.Find(name) is not { } task || view.Config(task) is null)
            {
                continue;
            }

            foreach (var problem in Problems(task))
            {
                yield return Hop.Broken(HopKind.Proxy, name == call.Caller ? call.Upstream : name, Id, $"{name}: {problem}");
            }
        }
    }

    private static IEnumerable<string> Problems(AppTask task)
    {
        var agent = task.Container("consul-client") is not null;
        var image = task.Container(ConsulView.MeshInit)?["Image"]?.GetValue<string>() ?? "";
        var version = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "";
        var old = version.StartsWith("0.6.", StringComparison.Ordinal) || version.StartsWith("0.5.", StringComparison.Ordinal);
        if (agent && !old && version.Length > 0)
        {
            yield return $"the client-agent design needs consul-ecs 0.6.x, but mesh-init runs {image} (0.7+ writes only a consul-dataplane config)";
        }
        else if (!agent && old)
        {
            yield return $"the dataplane design needs consul-ecs 0.7 or newer, but mesh-init runs {image}";
        }

        var proxy = agent ? "sidecar-proxy" : "consul-dataplane";
        if (task.Container(proxy) is null)
        {
            yield return $"the task has no {proxy} container";
        }
        else if (!task.AppWaitsFor(proxy, "HEALTHY"))
        {
            yield return $"the app container does not wait for {proxy} HEALTHY";
        }
    }
}
