using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Ecs.Settings;
using Compose2Ecs.Core.Mesh;

namespace Compose2Ecs.ServiceConnect;

/// <summary>
/// The Cloud Map namespace when the application runs in an imported VPC (<c>x-mesh.vpc</c>).
/// <list type="bullet">
/// <item>Cloud Map allows one private DNS namespace of a name per VPC; a second stack of the same project
/// (<c>--stack-name shop-staging</c> next to <c>shop</c>) in that VPC fails with ConflictingDomainExists. With
/// a created VPC each stack has its own, so nothing changes. In an imported VPC, when <c>x-mesh.namespace</c>
/// is not written and <c>--stack-name</c> differs from the project's stack name, the default name is scoped
/// by the stack: <c>&lt;stack-name&gt;.local</c> (C2E6004 says so). Service Connect clients dial aliases, which do
/// not contain the namespace, so only <c>&lt;service&gt;.&lt;namespace&gt;</c> DNS names change.</item>
/// <item>Short names (<c>api</c>) resolve by DNS only through the VPC's DHCP options search domain, which
/// compose2ecs sets only for a VPC it creates. Service Connect clients do not need it for calls to endpoints (their
/// proxy resolves the aliases), but every other call does: from a service outside Service Connect (<c>x-mesh: false</c>),
/// or to one without an endpoint (a mesh service calling an <c>x-mesh: false</c> database): C2E6005.</item>
/// </list>
/// </summary>
public static class NamespaceScope
{
    public static EcsPlan Apply(EcsPlan plan, MeshModel mesh, ComposeProject project)
    {
        if (plan.Network.Create)
        {
            return plan;
        }

        var warnings = new List<Diagnostic>();
        var vpcAt = mesh.LocationOf("x-mesh.vpc");
        if (!mesh.KeyLocations.ContainsKey("x-mesh.namespace") && plan.StackName != EcsSettingsReader.StackNameFrom(project.Name))
        {
            var scoped = Scoped(plan.StackName);
            warnings.Add(Diagnostic.Warning(vpcAt, ServiceConnectDiagnosticCodes.NamespaceScoped,
                $"x-mesh.vpc: the stack {plan.StackName} runs in an imported VPC, where a Cloud Map namespace name can exist once, so its namespace is \"{scoped}\" (scoped by --stack-name), not \"{plan.Namespace.Name}\"; Service Connect aliases do not change, <service>.{scoped} DNS names do; write x-mesh.namespace to choose the name"));
            plan = plan with { Namespace = plan.Namespace with { Name = scoped } };
        }

        var dnsCallers = DnsCallers(mesh);
        if (dnsCallers.Count > 0)
        {
            warnings.Add(Diagnostic.Warning(vpcAt, ServiceConnectDiagnosticCodes.ImportedVpcSearchDomain,
                $"x-mesh.vpc: {string.Join(", ", dnsCallers)} call{(dnsCallers.Count == 1 ? "s" : "")} services by name outside Service Connect (a caller with x-mesh: false, or a callee with no Service Connect endpoint, such as one with x-mesh: false); in an imported VPC short names resolve only if the VPC's DHCP options have \"{plan.Namespace.Name}\" as a search domain (compose2ecs sets it only in a VPC it creates): add it there, or have them call <service>.{plan.Namespace.Name}"));
        }

        return plan.AddWarnings(warnings);
    }

    /// <summary>
    /// Callers that reach a callee by Cloud Map DNS, not by a client alias: every call but one from a Service Connect
    /// client (a mesh service, or a port-less service made a client) to a service with an endpoint (a listener).
    /// </summary>
    public static IReadOnlyList<string> DnsCallers(MeshModel mesh)
    {
        var clients = ServiceConnectTransform.PlainClients(mesh);
        return mesh.ConcreteEdges
            .Where(e => e.Caller != e.Target)
            .Where(e => !((mesh.FindService(e.Caller) is not null || clients.Contains(e.Caller)) && mesh.FindService(e.Target)?.Listener is not null))
            .Select(e => e.Caller).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary><c>&lt;stack&gt;.local</c>, lowercase, the label cut to 63 characters (DNS) with a hash when it must be cut.</summary>
    public static string Scoped(string stackName)
    {
        var label = stackName.ToLowerInvariant();
        if (label.Length > 63)
        {
            var hash = "-" + LogicalIds.Hash(stackName);
            label = label[..(63 - hash.Length)].TrimEnd('-') + hash;
        }

        return label + ".local";
    }
}
