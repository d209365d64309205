using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// Security-group rules between services: one TCP rule per concrete edge, on the port the
/// connection arrives at. Through the mesh that is the target's listener port (the caller's Envoy
/// connects to it, and the target's proxy configuration hands it to its Envoy); a route resolves to
/// each of its targets. Direct edges (plain services) open the target's container port, as without a mesh.
/// </summary>
public static class MeshIngress
{
    public static IEnumerable<IngressRulePlan> Rules(MeshModel model, EcsPlan plan) => EdgeIngress.Rules(model, plan);
}
