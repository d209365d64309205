using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh.Addresses;

namespace Compose2Ecs.Core.Mesh;

/// <summary>A service another one calls without <c>x-mesh.upstreams</c>: where that is said, and how.</summary>
internal sealed record ImpliedCall(string Service, SourceLocation Location, EdgeOrigin Origin);

/// <summary>
/// What a service calls when it declares no <c>upstreams</c>: what it <c>depends_on</c>, then the
/// services its environment names by address (<c>FLAGD_HOST=flagd</c>, <c>http://quote:8090</c>).
/// A docker network lets a container reach any other without <c>depends_on</c>, and real compose
/// files rely on it (opentelemetry-demo's email calls flagd and declares only otel-collector), so
/// an address in the environment is a call as much as a dependency is. Never the service itself.
/// A value that is a name and nothing more counts only in a variable named for a host
/// (<see cref="HostVariables"/>): <c>MYSQL_DATABASE=wordpress</c> or <c>POSTGRES_USER=temporal</c>
/// name a database and a user, not the service that has the same name.
/// </summary>
internal static class ImpliedCalls
{

    public static IReadOnlyList<ImpliedCall> Of(ComposeService caller, KnownAddressNames services)
    {
        var calls = new List<ImpliedCall>();
        foreach (var dependency in caller.DependsOn.Where(d => d.Service != caller.Name))
        {
            Add(calls, new ImpliedCall(dependency.Service, dependency.Location, EdgeOrigin.DependsOn));
        }

        foreach (var address in Addresses(caller, services))
        {
            Add(calls, new ImpliedCall(address.Name, address.Location, EdgeOrigin.Environment));
        }

        return calls;
    }

    /// <summary>The addresses in the caller's environment that are calls: with a port or a scheme, or a bare host in a host variable.</summary>
    public static IEnumerable<EnvironmentAddress> Addresses(ComposeService caller, KnownAddressNames services) =>
        EnvironmentAddressFinder.Find(caller.Environment, services)
            .Where(a => a.Name != caller.Name && (a.Port is not null || a.Scheme is not null || HostVariables.IsHost(a.Variable)));

    private static void Add(List<ImpliedCall> calls, ImpliedCall call)
    {
        if (!calls.Any(c => c.Service == call.Service))
        {
            calls.Add(call);
        }
    }
}
