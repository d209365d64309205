using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.ServiceConnect;

/// <summary>
/// The proxy hop: a mesh call goes through the Service Connect proxy only when the caller's ECS
/// service enables Service Connect and the name it dials is a client alias of the target's
/// endpoint; otherwise it leaves the mesh (and finds no Cloud Map name, or no open port).
/// </summary>
public sealed class ClientAliasRule : IHopRule
{
    public const string Id = "service-connect.alias";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new ServiceConnectView(context.Graph, context.Apps);
        if (context.Apps.Find(call.Caller) is not { } caller)
        {
            yield break;
        }

        if (view.Config(caller) is null)
        {
            if (call.Mesh)
            {
                yield return Hop.Broken(HopKind.Proxy, call.Upstream, Id, $"{call.Caller}'s ECS service does not enable Service Connect, so it cannot resolve the mesh's client aliases");
            }

            yield break;
        }

        foreach (var target in call.Targets)
        {
            var endpoint = view.Endpoints.FirstOrDefault(e => e.Server.Name == target && e.DnsName == call.Host && e.Port == call.Port);
            yield return endpoint is not null
                ? Hop.Ok(HopKind.Proxy, target, Id, $"Service Connect proxy: {call.Host}:{call.Port} -> {target} ({endpoint.PortName})")
                : call.Mesh
                    ? Hop.Broken(HopKind.Proxy, target, Id, $"{call.Host}:{call.Port} is no client alias of {target}'s Service Connect endpoint")
                    : Hop.Ok(HopKind.Proxy, target, Id, $"{call.Host}:{call.Port} is not a Service Connect alias: a direct connection");
        }
    }
}
