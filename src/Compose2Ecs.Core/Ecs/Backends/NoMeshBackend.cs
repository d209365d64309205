using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Cdk;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Planning;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.Core.Ecs.Backends;

/// <summary>
/// <c>--mesh none</c>: plain ECS services. Services find each other through Cloud Map DNS, and
/// a service accepts connections only from the services that depend_on it, on its container
/// ports (the mesh backends replace these rules with their own edges).
/// </summary>
public sealed class NoMeshBackend : IMeshBackend
{
    public string Name => "none";

    public string Description => "plain ECS services with Cloud Map DNS; each service accepts traffic from the services that depend on it";

    public IEnumerable<Diagnostic> Check(MeshModel model) => [];

    public EcsPlan Transform(EcsPlan plan, BackendContext context) => plan.AddIngress(IngressRules.FromDependsOn(plan));

    public void Emit(EmitContext context)
    {
    }
}
