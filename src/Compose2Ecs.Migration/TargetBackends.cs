namespace Compose2Ecs.Migration;

/// <summary>The backends a ComposeX App Mesh file migrates to, by their <c>x-mesh.backend</c> names.</summary>
public static class TargetBackends
{
    public const string AppMesh = "appmesh";
    public const string ServiceConnect = "service-connect";
}
