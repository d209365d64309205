using Compose2Ecs.Trace.Calls;
using Compose2Ecs.Trace.Rules;

namespace Compose2Ecs.Trace.Backends.ServiceConnect;

/// <summary>
/// Start-up: a Service Connect client learns the namespace's endpoints when its tasks start, so an
/// ECS service created before the endpoint it calls cannot reach it until redeployed; the caller's
/// ECS service must <c>DependsOn</c> the endpoint's.
/// </summary>
public sealed class EndpointOrderRule : IHopRule
{
    public const string Id = "service-connect.order";

    public IEnumerable<Hop> Check(Call call, TraceContext context)
    {
        var view = new ServiceConnectView(context.Graph, context.Apps);
        if (context.Apps.Find(call.Caller) is not { } caller || view.Config(caller) is null)
        {
            yield break;
        }

        foreach (var endpoint in view.Endpoints.Where(e => call.Targets.Contains(e.Server.Name) && e.DnsName == call.Host && e.Port == call.Port).DistinctBy(e => e.Server.Name))
        {
            yield return context.Graph.WaitsFor(caller.Service, endpoint.Server.Service)
                ? Hop.Ok(HopKind.Startup, endpoint.Server.Name, Id, $"{call.Caller}'s ECS service is created after {endpoint.Server.Name}'s")
                : Hop.Broken(HopKind.Startup, endpoint.Server.Name, Id, $"{call.Caller}'s ECS service does not DependsOn {endpoint.Server.Name}'s: created first, it does not see the endpoint");
        }
    }
}
