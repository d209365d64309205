using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>What the mesh reader knows about App Mesh (spec §2, §5): the seam's App Mesh side.</summary>
public static class AppMeshSpec
{
    public const string Name = "appmesh";

    public static MeshBackendSpec Spec { get; } = new(Name)
    {
        Section = AppMeshSectionReader.Section,

        // Envoy's admin port and the APPMESH proxy configuration's ingress/egress ports.
        ReservedPorts = [9901, 15000, 15001],
        ReservedBy = "App Mesh's Envoy",
        Rules = model => MeshRules.TlsNeedsPrivateCa(model, "App Mesh"),
    };
}
