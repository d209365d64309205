namespace Compose2Ecs.AppMesh;

/// <summary>Codes of the App Mesh backend's findings (C2E4xxx), listed with their meaning in docs/diagnostics.md.</summary>
public static class AppMeshDiagnosticCodes
{
    /// <summary><c>appmesh.mesh_owner</c> that is not a 12-digit AWS account id.</summary>
    public const string InvalidMeshOwner = "C2E4001";

    /// <summary><c>appmesh.mesh_owner</c> without <c>existing: true</c>: a shared mesh cannot be created here.</summary>
    public const string SharedMeshNotExisting = "C2E4002";
}
