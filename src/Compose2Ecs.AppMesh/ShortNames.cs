using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.AppMesh;

/// <summary>
/// What the short-name virtual services (<see cref="AppMeshNames.ShortVirtualServiceId"/>) rely on
/// outside the stack, said where the stack cannot make it true:
/// <list type="bullet">
/// <item>A virtual service name is unique in its mesh. In a mesh of this stack's own the short names
/// are the project's; in an imported (shared) mesh <c>api</c> is taken mesh-wide, and another project
/// there with an <c>api</c> cannot create its own (C2E4003).</item>
/// <item>An app opens a connection only to a name it can resolve: <c>api</c> resolves as
/// <c>api.&lt;namespace&gt;</c> through the DHCP options' search domain, which compose2ecs sets only in a
/// VPC it creates (C2E4004 for an imported one).</item>
/// </list>
/// </summary>
public static class ShortNames
{
    public static IEnumerable<Diagnostic> Warnings(MeshModel model, EcsPlan plan)
    {
        var shortNames = model.Services.Where(s => s.Listener is { } l && AppMeshNames.HasShortName(l.Protocol)).Select(s => s.Name)
            .Concat(model.Routes.Where(r => AppMeshNames.HasShortName(r.Protocol)).Select(r => r.Name))
            .Order(StringComparer.Ordinal)
            .ToList();
        var called = model.Edges.Any(e => e.Via != EdgeVia.Direct && AppMeshNames.HasShortName(e.Protocol));
        if (shortNames.Count == 0 || !called)
        {
            yield break;
        }

        if (model.Settings<AppMeshSettings>().Existing)
        {
            yield return Diagnostic.Warning(model.LocationOf("x-mesh.appmesh.existing"), AppMeshDiagnosticCodes.ShortNamesInSharedMesh,
                $"x-mesh.appmesh.existing: the imported mesh gets the virtual services {string.Join(", ", shortNames)} (the short names apps dial, matched by Host), and a virtual service name is unique in a mesh: another project in that mesh with one of these names cannot create it. Give the services names unique in the mesh, or have apps call <name>.{model.Namespace} and accept this warning (ignore_warnings: [{AppMeshDiagnosticCodes.ShortNamesInSharedMesh}])");
        }

        if (!plan.Network.Create)
        {
            yield return Diagnostic.Warning(model.LocationOf("x-mesh.vpc"), AppMeshDiagnosticCodes.ImportedVpcSearchDomain,
                $"x-mesh.vpc: apps that dial a short name ({string.Join(", ", shortNames.Take(3))}{(shortNames.Count > 3 ? ", ..." : "")}) must resolve it before Envoy can take the connection, and in an imported VPC it resolves only if the VPC's DHCP options have \"{plan.Namespace.Name}\" as a search domain (compose2ecs sets it only in a VPC it creates): add it there, or have apps call <name>.{plan.Namespace.Name}");
        }
    }
}
