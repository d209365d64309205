using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.AppMesh;

/// <summary>
/// The proxy hop: the caller's and each target's task have an APPMESH <c>ProxyConfiguration</c>
/// that ECS accepts (AppPorts and ProxyIngressPort both present), Envoy (non-root, the
/// IgnoredUID) can bind its ports (none below 1024), the app waits for Envoy HEALTHY, and the
/// called port is not in EgressIgnoredPorts (else the call bypasses Envoy).
/// </summary>
public sealed class EnvoyProxyRule : IHopRule
{
    public const string Id = "appmesh.proxy";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new AppMeshView(context.Graph);
        if (context.Apps.Find(call.Caller) is not { } caller)
        {
            yield break;
        }

        var proxy = view.Proxy(caller);
        if (proxy is null)
        {
            if (call.Mesh)
            {
                yield return Hop.Broken(HopKind.Proxy, call.Upstream, Id, $"{call.Caller}'s task has no APPMESH proxy configuration, so its calls bypass the mesh");
            }

            yield break;
        }

        foreach (var problem in Problems(view, caller, proxy))
        {
            yield return Hop.Broken(HopKind.Proxy, call.Upstream, Id, $"{call.Caller}: {problem}");
        }

        if (Ignores(proxy, call.Port))
        {
            yield return Hop.Ok(HopKind.Proxy, call.Upstream, Id, $"APPMESH: {call.Port} in EgressIgnoredPorts, the call bypasses Envoy");
            yield break;
        }

        foreach (var target in call.Targets.Select(context.Apps.Find).OfType<Application.AppTask>())
        {
            if (view.Proxy(target) is { } targetProxy)
            {
                foreach (var problem in Problems(view, target, targetProxy))
                {
                    yield return Hop.Broken(HopKind.Proxy, target.Name, Id, $"{target.Name}: {problem}");
                }
            }
        }

        yield return Hop.Ok(HopKind.Proxy, call.Upstream, Id, $"APPMESH egress {proxy.GetValueOrDefault("ProxyEgressPort")} ({call.Port} not in EgressIgnoredPorts)");
    }

    public static bool Ignores(Dictionary<string, string> proxy, int port) =>
        proxy.GetValueOrDefault("EgressIgnoredPorts", "").Split(',', StringSplitOptions.TrimEntries).Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<string> Problems(AppMeshView view, Application.AppTask task, Dictionary<string, string> proxy)
    {
        foreach (var required in new[] { "AppPorts", "ProxyIngressPort", "ProxyEgressPort" })
        {
            if (string.IsNullOrEmpty(proxy.GetValueOrDefault(required)))
            {
                yield return $"ProxyConfiguration has no {required} (ECS rejects an APPMESH configuration without it)";
            }
        }

        var envoyName = view.ProxyContainer(task) ?? "";
        var envoy = task.Container(envoyName);
        if (envoy is null)
        {
            yield return $"ProxyConfiguration names container {envoyName}, which the task does not have";
            yield break;
        }

        var user = envoy["User"]?.GetValue<string>();
        if (user != proxy.GetValueOrDefault("IgnoredUID"))
        {
            yield return $"Envoy runs as user {user ?? "(image default)"} but IgnoredUID is {proxy.GetValueOrDefault("IgnoredUID") ?? "unset"}: Envoy's own traffic loops back into itself";
        }

        if (user is not null and not "0" and not "root")
        {
            foreach (var key in new[] { "ProxyIngressPort", "ProxyEgressPort" })
            {
                if (int.TryParse(proxy.GetValueOrDefault(key), out var port) && port < 1024)
                {
                    yield return $"{key} {port} is below 1024, which Envoy (user {user}) cannot bind";
                }
            }
        }

        if (!task.AppWaitsFor(envoyName, "HEALTHY"))
        {
            yield return $"the app container does not wait for {envoyName} HEALTHY: its first calls go out before Envoy is ready";
        }
    }
}
