using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// An existing Cloud Map namespace (<c>x-mesh.service_connect.namespace.arn</c>, an extension beyond the spec), so
/// two stacks share one: the stack creates no namespace, and everything that registers in it (Service Connect's
/// endpoints, the base's DNS records) uses the ARN and the id it ends with.
/// <list type="bullet">
/// <item>The ARN does not carry the namespace's DNS name, and CloudFormation has no look-up for it, yet the name is
/// needed at synth time: aliases <c>&lt;name&gt;.&lt;namespace&gt;</c>, address rewriting, the DNS names the base
/// registers. So <c>x-mesh.namespace</c> must be written too (C2E6009).</item>
/// <item>A private DNS namespace belongs to a VPC that exists already; a VPC this stack creates is not it (the
/// base's DNS records would not resolve there, and the tasks could not reach the other stack's). So
/// <c>x-mesh.vpc</c> must name the VPC (C2E6010).</item>
/// </list>
/// </summary>
public static class SharedNamespace
{
    /// <summary>The spec rules, checked while reading when Service Connect is the chosen backend.</summary>
    public static IEnumerable<Diagnostic> Rules(MeshModel model)
    {
        if (model.Settings<ServiceConnectSettings>().Namespace is not { } existing)
        {
            yield break;
        }

        if (!model.KeyLocations.ContainsKey("x-mesh.namespace"))
        {
            yield return Diagnostic.Error(existing.Location, ServiceConnectDiagnosticCodes.ExistingNamespaceNeedsName,
                $"x-mesh.service_connect.namespace: an existing namespace needs its DNS name in x-mesh.namespace (such as shared.local, as `aws servicediscovery get-namespace --id {existing.Id}` shows it): the ARN does not carry it, and the <service>.<namespace> aliases and DNS names are written with it");
        }

        if (model.Vpc is null)
        {
            yield return Diagnostic.Error(existing.Location, ServiceConnectDiagnosticCodes.ExistingNamespaceNeedsVpc,
                "x-mesh.service_connect.namespace: an existing private DNS namespace belongs to an existing VPC, and without x-mesh.vpc the stack creates a new one; name the namespace's VPC in x-mesh.vpc (id, private_subnets), or remove namespace to create one with the VPC");
        }
    }

    /// <summary>The plan's namespace becomes the existing one: not created, its ARN and id literal, its name <c>x-mesh.namespace</c>.</summary>
    public static EcsPlan Apply(EcsPlan plan, MeshModel mesh) =>
        mesh.Settings<ServiceConnectSettings>().Namespace is { } existing
            ? plan with { Namespace = new NamespacePlan { Create = false, Name = mesh.Namespace, Id = existing.Id, Arn = existing.Arn } }
            : plan;
}
