using Compose2Ecs.AppMesh;
using Compose2Ecs.Consul;
using Compose2Ecs.Core.Ecs.Backends;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.ServiceConnect;

namespace Compose2Ecs.Mesh.Tests.Support;

/// <summary>The backends the CLI registers, as the mesh reader sees them: their sections, reserved ports and rules.</summary>
internal static class RegisteredBackends
{
    public static IReadOnlyList<MeshBackendSpec> Specs { get; } =
        [.. new IMeshBackend[] { new AppMeshBackend(), new ConsulBackend(), new NoMeshBackend(), new ServiceConnectBackend() }.Select(b => b.Spec)];
}
