using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Ecs.Plan;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Mesh.Addresses;

namespace Compose2Ecs.Consul;

/// <summary>
/// Spec §2, "The names apps use": Consul on Fargate has no transparent proxy, so an app reaches an
/// upstream only at <c>localhost:&lt;local_port&gt;</c>, where its sidecar listens. An environment
/// value that names an upstream (<c>http://api:8080/v1</c>, <c>api.shop.local:8080</c>,
/// <c>postgres://u:p@db:5432/x</c>, <c>kafka1:9092,kafka2:9092</c>) has each such host and port
/// replaced by that upstream's local address; everything else in the value stays byte for byte.
/// Each rewrite is a note (C2E5005: done for the user, nothing breaks) that says what became what. A value left pointing at a mesh
/// name (rewrite_env: false, a name that is no upstream of the caller, a bare host whose port the
/// value does not carry, another port than the one the mesh carries) is a warning (C2E5006) that says
/// what to write. Messages name the address, never the whole value (it may hold a password).
/// </summary>
public static class UpstreamAddresses
{
    /// <summary>What <see cref="Rewrite"/> decided for one service.</summary>
    /// <param name="Values">The new value of each variable that changed, by name.</param>
    public sealed record Result(ImmutableDictionary<string, string> Values, ImmutableArray<Diagnostic> Diagnostics);

    /// <summary>Every mesh service's app container environment, as the plan holds it, rewritten; the diagnostics added to the plan.</summary>
    internal static EcsPlan Apply(EcsPlan plan, MeshModel model, ComposeProject project, bool rewrite)
    {
        var diagnostics = new List<Diagnostic>();
        var names = MeshNames(model);
        foreach (var service in plan.Services.Where(s => model.FindService(s.Name) is not null))
        {
            var compose = project.FindService(service.Name);
            var environment = service.AppContainer.Environment
                .Where(e => e.Value is CfnString)
                .Select(e => new EnvironmentVariable(e.Name, ((CfnString)e.Value).Value,
                    compose?.Environment.LastOrDefault(c => c.Name == e.Name)?.Location ?? service.Location));
            var result = Rewrite(model, service.Name, environment, rewrite, names);
            diagnostics.AddRange(result.Diagnostics);
            if (!result.Values.IsEmpty)
            {
                plan = plan.UpdateService(service.Name, s => s.UpdateTaskDefinition(task => task.UpdateContainer(task.AppContainerName, app => app with
                {
                    Environment = [.. app.Environment.Select(e => result.Values.TryGetValue(e.Name, out var v) ? e with { Value = CfnValue.Of(v) } : e)],
                })));
            }
        }

        return plan.AddWarnings(diagnostics);
    }

    /// <summary>The environment of <paramref name="caller"/>, a mesh service, rewritten to its upstreams' local addresses.</summary>
    public static Result Rewrite(MeshModel model, string caller, IEnumerable<EnvironmentVariable> environment, bool rewrite) =>
        Rewrite(model, caller, environment, rewrite, MeshNames(model));

    /// <summary>
    /// The names that count as mesh addresses: mesh services with a listener and routes. A plain
    /// service is reached directly, by DNS, which works. Built once per plan (per caller it made the
    /// rewrite quadratic in the number of services).
    /// </summary>
    private static KnownAddressNames MeshNames(MeshModel model) =>
        new(model.Services.Where(s => s.Listener is not null).Select(s => s.Name).Concat(model.Routes.Select(r => r.Name)), model.Namespace);

    private static Result Rewrite(MeshModel model, string caller, IEnumerable<EnvironmentVariable> environment, bool rewrite, KnownAddressNames names)
    {
        var upstreams = model.EdgesFrom(caller)
            .Where(e => e.Via == EdgeVia.Mesh && e.LocalPort is not null)
            .GroupBy(e => e.Upstream, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var variables = environment.ToList();
        // A service's own name is not a call.
        foreach (var group in EnvironmentAddressFinder.Find(variables, names).Where(a => a.Name != caller).GroupBy(a => a.Variable, StringComparer.Ordinal))
        {
            var variable = variables.Last(v => v.Name == group.Key);
            var value = variable.Value!;
            var text = new StringBuilder(value);
            var changes = new List<string>();

            // Right to left, so the earlier spans' offsets still hold.
            foreach (var address in group.OrderByDescending(a => a.Start))
            {
                var written = value.Substring(address.Start, address.Length);
                var edge = upstreams.GetValueOrDefault(address.Name);
                var problem = Problem(caller, address, written, edge, rewrite);
                if (problem is not null)
                {
                    diagnostics.Add(Diagnostic.Warning(address.Location, ConsulDiagnosticCodes.EnvNamesMesh, $"services.{caller}.environment.{address.Variable}: {problem}"));
                    continue;
                }

                var local = Local(edge!, address);
                text.Remove(address.Start, address.Length).Insert(address.Start, local);
                changes.Insert(0, $"{written} -> {local}");
            }

            if (changes.Count > 0)
            {
                values[variable.Name] = text.ToString();
                diagnostics.Add(Diagnostic.Note(variable.Location, ConsulDiagnosticCodes.EnvRewritten,
                    $"services.{caller}.environment.{variable.Name}: rewritten {string.Join(", ", changes)}: Consul on Fargate has no transparent proxy, so apps reach an upstream at its sidecar's local listener (x-mesh.consul.rewrite_env: false keeps the value as written)"));
            }
        }

        return new Result(values.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>Why this address is left as written (a call that bypasses the sidecar), or null when it is rewritten.</summary>
    private static string? Problem(string caller, EnvironmentAddress address, string written, UpstreamEdge? edge, bool rewrite)
    {
        if (edge is null)
        {
            return $"{written} names {address.Name}, which is not an upstream of {caller}: Consul on Fargate has no transparent proxy, so the call bypasses the mesh, and {address.Name} accepts only mesh traffic; add {address.Name} to services.{caller}.x-mesh.upstreams (or depends_on) and the value is rewritten to its local listener";
        }

        var local = $"localhost:{edge.LocalPort!.Value.ToString(CultureInfo.InvariantCulture)}";
        if (!rewrite)
        {
            return $"{written} names the upstream {address.Name}, which apps reach at {local} under Consul on Fargate (no transparent proxy), and x-mesh.consul.rewrite_env: false leaves it as written, so the call bypasses the sidecar; write {local}";
        }

        if (address.Port is { } port && port != edge.Port)
        {
            return $"{written} names {address.Name} on port {port}, but its upstream listener ({local}) carries port {edge.Port} only; call port {edge.Port}, or make {port} the listener (x-mesh.port)";
        }

        // A host with no port outside a URL (DATABASE_HOST=db): the port is elsewhere, so the host alone cannot be
        // rewritten, unless the local listener is on the upstream's own port (local_port: <port>).
        if (address.Port is null && address.Scheme is null && edge.LocalPort != edge.Port)
        {
            return $"{written} names the upstream {address.Name} without a port, and its local listener is {local}, not port {edge.Port}; write localhost here and {edge.LocalPort.Value.ToString(CultureInfo.InvariantCulture)} where the port is set, or give the upstream local_port: {edge.Port}";
        }

        return null;
    }

    /// <summary>The local listener: <c>localhost:&lt;local_port&gt;</c>, or <c>localhost</c> for a bare host whose local port is its own.</summary>
    private static string Local(UpstreamEdge edge, EnvironmentAddress address) =>
        address.Port is null && address.Scheme is null ? "localhost" : $"localhost:{edge.LocalPort!.Value.ToString(CultureInfo.InvariantCulture)}";
}
