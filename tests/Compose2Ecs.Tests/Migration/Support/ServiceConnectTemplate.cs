using System.Text.Json.Nodes;
using Compose2Ecs.Core.Ecs.Naming;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Migration.Tests.Support;

/// <summary>What a migrated file became under <c>--mesh service-connect</c>, read from its template.</summary>
internal static class ServiceConnectTemplate
{
    private static JsonObject Props(JsonObject resources, string id) =>
        resources[id]?["Properties"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no resource {id}; have {string.Join(", ", resources.Select(r => r.Key))}");

    /// <summary>A service's <c>ServiceConnectConfiguration</c>, or null.</summary>
    public static JsonObject? Connect(JsonObject resources, string service) => Props(resources, LogicalIds.For(service, "Service"))["ServiceConnectConfiguration"]?.AsObject();

    /// <summary>Every rule between two services' groups, as "caller->callee:port".</summary>
    public static IEnumerable<string> ServiceEdges(JsonObject resources) => SecurityGroupEdges.Between(resources);
}
