using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>What the mesh reader knows about Service Connect (spec §1, §7): the seam's Service Connect side.</summary>
public static class ServiceConnectSpec
{
    public const string Name = "service-connect";

    public static MeshBackendSpec Spec { get; } = new(Name)
    {
        Section = ServiceConnectSectionReader.Section,
        Rules = model => MeshRules.TlsNeedsPrivateCa(model, "Service Connect").Concat(SharedNamespace.Rules(model)),
    };
}
