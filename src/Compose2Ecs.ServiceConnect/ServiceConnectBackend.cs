using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// <c>--mesh service-connect</c>: Amazon ECS Service Connect, the way off App Mesh. ECS injects
/// the proxy into each task itself, so this backend adds no sidecar: it names the listener's
/// port mapping, writes each ECS service's <c>ServiceConnectConfiguration</c>, opens one
/// security-group rule per call edge, and puts the gateway's load balancer straight in front
/// of its target services. Everything is plan data (see docs/service-connect.md).
/// </summary>
public sealed class ServiceConnectBackend : IMeshBackend
{
    public string Name => ServiceConnectSpec.Name;

    public MeshBackendSpec Spec => ServiceConnectSpec.Spec;

    public string Description => "Amazon ECS Service Connect (ECS-managed proxy, Cloud Map names, one client alias per service or single-target route)";

    public IEnumerable<Diagnostic> Check(MeshModel model) => ServiceConnectChecks.Check(model);

    public EcsPlan Transform(EcsPlan plan, BackendContext context) => ServiceConnectTransform.Apply(plan, context);
}
