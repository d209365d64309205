using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh.Addresses;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads a loaded project's mesh (<c>x-mesh</c> at the top and on services) into a
/// <see cref="MeshModel"/>, applying every default of the spec once, and checks it. Bad
/// input throws <see cref="InvalidInputException"/> with all the errors, in file order.
/// </summary>
public static class MeshReader
{
    /// <summary>Reads without running any backend's <see cref="IMeshChecks.Check"/> (the graph, say).</summary>
    /// <param name="backendOverride">The CLI's <c>--mesh</c>; wins over <c>x-mesh.backend</c>. Null: not given.</param>
    /// <param name="backends">The registered backends: their names are accepted, their sections read, their spec rules applied.</param>
    public static MeshModel Read(ComposeProject project, string? backendOverride, IEnumerable<MeshBackendSpec> backends)
    {
        var fields = new NodeReader(new DiagnosticBag(), NodeRules.Mesh);
        var specs = backends.GroupBy(b => b.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var model = ReadModel(project, backendOverride, fields, specs);
        var sorted = DiagnosticOrder.Sort(fields.Diagnostics.Items, project.Files);
        if (fields.Diagnostics.HasErrors)
        {
            throw new InvalidInputException(sorted);
        }

        return model with { Warnings = [.. sorted] };
    }

    /// <summary>
    /// Reads, then runs the backend checks registered for the effective backend; throws with
    /// every error of both in file order. The checks see only a model that passed the neutral checks.
    /// </summary>
    public static MeshModel Read(ComposeProject project, string? backendOverride, IEnumerable<IMeshChecks> checks)
    {
        var checkList = checks.ToList();
        var model = Read(project, backendOverride, checkList.Select(c => c.Spec));
        var diagnostics = MeshValidator.Validate(model, checkList, project.Files);
        return model with { Warnings = [.. diagnostics] };
    }

    private static MeshModel ReadModel(ComposeProject project, string? backendOverride, NodeReader fields, IReadOnlyList<MeshBackendSpec> backends)
    {
        var entry = project.Root.Find("x-mesh");
        var mesh = entry is null ? null : fields.Mapping(entry.Value, "x-mesh");
        var model = new SettingsReader(fields).Read(project.Name, mesh, entry?.Key.Location ?? SourceLocation.None, backendOverride,
            IsEnabled(project, entry is not null, backendOverride), backends);
        var spec = backends.FirstOrDefault(b => b.Name == model.Backend) ?? new MeshBackendSpec(model.Backend);

        var routeSpecs = new RouteReader(fields).Read(mesh?.Find("routes"));
        var gatewaySpec = new GatewayReader(fields).Read(mesh?.Find("gateway"));
        var reached = DefaultProtocols.Reached(routeSpecs, gatewaySpec);
        var drafts = project.Services.Select(s => new ServiceReader(fields, project, reached).Read(s, model.IsEnabled)).ToList();
        // Calls an environment names count in both forms a compose file can spell (spec §2, the names apps use).
        var names = new KnownAddressNames(project.Services.Select(s => s.Name), model.Namespace);
        drafts = OutboundClients.Join(drafts, names);
        NonHttpPorts.Warn(fields, drafts, model.Backend);
        var directory = new MeshDirectory(drafts, routeSpecs);
        var routes = new RouteResolver(fields, directory).Resolve(routeSpecs);
        var routesByName = routes.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var localPorts = new LocalPortAssigner(fields, spec, [.. backends.SelectMany(b => b.ReservedPorts)]);
        var services = ImmutableArray.CreateBuilder<MeshService>();
        var edges = ImmutableArray.CreateBuilder<UpstreamEdge>();
        foreach (var (caller, meshEdges, directEdges) in new EdgeResolver(fields, directory, routesByName, names).Resolve())
        {
            if (caller.Mesh is { } service)
            {
                var namedBare = ImpliedCalls.Addresses(caller.Compose, names)
                    .Where(a => a.Port is null && a.Scheme is null).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
                var upstreams = localPorts.Assign(service, meshEdges, namedBare);
                services.Add(service with { Upstreams = upstreams });
                edges.AddRange(upstreams);
            }

            edges.AddRange(directEdges);
        }

        model = model with
        {
            Services = services.ToImmutable(),
            PlainServices = [.. drafts.Select(d => d.Plain).OfType<PlainService>()],
            Routes = routes,
            Edges = edges.ToImmutable(),
            Gateway = gatewaySpec is null ? null : new GatewayResolver(fields, directory, routesByName).Resolve(gatewaySpec),
            KeyLocations = KeyLocations.Collect(entry, project.Services),
        };

        CalledWithoutPort.Check(fields, drafts);
        UndeclaredCalledPort.Warn(fields, drafts, names);
        new BackendRules(fields, spec).Check(model);
        return model;
    }

    /// <summary>
    /// A project has a mesh with a top-level <c>x-mesh</c>, with a backend other than <c>none</c>
    /// on the command line (spec §2), or when a service asks to join one with its own
    /// <c>x-mesh</c> mapping (or <c>x-mesh: true</c>).
    /// </summary>
    private static bool IsEnabled(ComposeProject project, bool hasTopLevel, string? backendOverride) =>
        hasTopLevel
        || (backendOverride is not null && backendOverride != MeshBackends.None)
        || project.Services.Any(s => s.Mesh is MappingNode || (s.Mesh is ScalarNode scalar && CoreSchema.TryGetBool(scalar.Value, out var join) && join));
}
