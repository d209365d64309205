using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// Reads a loaded project's mesh (<c>x-mesh</c> at the top and on services) into a
/// <see cref="MeshModel"/>, applying every default of the spec once, and checks it. Bad
/// input throws <see cref="InvalidInputException"/> with all the errors, in file order.
/// </summary>
public static class MeshReader
{
    /// <param name="backendOverride">The CLI's <c>--mesh</c>; wins over <c>x-mesh.backend</c>. Null: not given.</param>
    public static MeshModel Read(ComposeProject project, string? backendOverride) =>
        Read(project, backendOverride, MeshBackends.All);

    private static MeshModel Read(ComposeProject project, string? backendOverride, IReadOnlyCollection<string> knownBackends)
    {
        var fields = new MeshFields(new DiagnosticBag());
        var model = ReadModel(project, backendOverride, fields, knownBackends);
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
        var known = MeshBackends.All.Union(checkList.Select(c => c.Backend), StringComparer.Ordinal).ToList();
        var model = Read(project, backendOverride, known);
        var diagnostics = MeshValidator.Validate(model, checkList, project.Files);
        return model with { Warnings = [.. diagnostics] };
    }

    private static MeshModel ReadModel(ComposeProject project, string? backendOverride, MeshFields fields, IReadOnlyCollection<string> knownBackends)
    {
        var entry = project.Root.Find("x-mesh");
        var mesh = entry is null ? null : fields.Mapping(entry.Value, "x-mesh");
        var model = new SettingsReader(fields).Read(project.Name, mesh, entry?.Key.Location ?? SourceLocation.None, backendOverride,
            IsEnabled(project, entry is not null, backendOverride), knownBackends);

        var drafts = project.Services.Select(s => new ServiceReader(fields, model.Backend).Read(s, model.IsEnabled)).ToList();
        var routeSpecs = new RouteReader(fields).Read(mesh?.Find("routes"));
        var directory = new MeshDirectory(drafts, routeSpecs);
        var routes = new RouteResolver(fields, directory).Resolve(routeSpecs);
        var routesByName = routes.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var localPorts = new LocalPortAssigner(fields, model.Backend);
        var services = ImmutableArray.CreateBuilder<MeshService>();
        var edges = ImmutableArray.CreateBuilder<UpstreamEdge>();
        foreach (var (caller, meshEdges, directEdges) in new EdgeResolver(fields, directory, routesByName).Resolve())
        {
            if (caller.Mesh is { } service)
            {
                var upstreams = localPorts.Assign(service, meshEdges);
                services.Add(service with { Upstreams = upstreams });
                edges.AddRange(upstreams);
            }

            edges.AddRange(directEdges);
        }

        var gatewaySpec = new GatewayReader(fields).Read(mesh?.Find("gateway"));
        model = model with
        {
            Services = services.ToImmutable(),
            PlainServices = [.. drafts.Select(d => d.Plain).OfType<PlainService>()],
            Routes = routes,
            Edges = edges.ToImmutable(),
            Gateway = gatewaySpec is null ? null : new GatewayResolver(fields, directory, routesByName).Resolve(gatewaySpec),
            KeyLocations = KeyLocations.Collect(entry, project.Services),
        };

        new BackendRules(fields).Check(model);
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
