using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh;
using Compose2Ecs.Core.Yaml;
using static Compose2Ecs.Migration.YamlBlock;

namespace Compose2Ecs.Migration;

/// <summary>
/// ComposeX's App Mesh model → <c>x-mesh</c>. ComposeX names virtual services, nodes and routers
/// separately; x-mesh has services and routes. So: a node is its compose service (or the one
/// service of its task family); a virtual service that points at a node of the same name is that
/// service; one that points at a node under another name is a route with one target (an alias);
/// one that points at a router is a route with the router's rules, under the virtual service's
/// name (the DNS name callers used). Node backends name virtual services, so they become
/// upstreams through that mapping. Weights are kept as written (ComposeX forced them to 1).
/// </summary>
internal sealed partial class MeshMapper(IReadOnlyList<MappingNode> roots, AppMeshSpec spec, DiagnosticBag report)
{
    /// <summary>The services of every file (base and overrides), merged as compose merges them.</summary>
    private readonly Dictionary<string, ComposeServiceInfo> _services = ReadServices(roots);
    private readonly HashSet<string> _familyMembers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _routeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeSpec> _nodeOfService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _protocols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _familyService = new(StringComparer.Ordinal);

    /// <param name="Environment">The <c>&lt;BACKEND&gt;_BACKEND</c> variables ComposeX set on a node's task (its backends' DNS names), per service.</param>
    public sealed record Result(MappingNode TopLevel, ImmutableArray<(string Service, Node Mesh)> Services, string Backend, ImmutableArray<string> ComplexRoutes)
    {
        public ImmutableArray<(string Service, string Name, string Value)> Environment { get; init; } = [];

        /// <summary>depends_on entries that name a ComposeX task family, and the service written in its place.</summary>
        public ImmutableArray<DependsOnFamily> DependsOnFamilies { get; init; } = [];
    }

    /// <summary>
    /// A depends_on entry at <paramref name="At"/> naming task family <paramref name="Family"/>: ComposeX
    /// ordered whole families, compose only knows services, so it becomes <paramref name="Member"/>
    /// (null when no one member stands for the family).
    /// </summary>
    public sealed record DependsOnFamily(string Service, SourceLocation At, string Family, string? Member);

    private readonly List<(string Service, string Name, string Value)> _environment = [];
    private string? _namespace;

    public Result Map(string? backend)
    {
        foreach (var node in spec.Nodes)
        {
            ResolveNode(node);
        }

        var upstreamName = new Dictionary<string, string>(StringComparer.Ordinal);
        var routes = new List<(string Name, MappingNode Route, bool Simple, SourceLocation Location)>();
        foreach (var vs in spec.Services)
        {
            if (MapVirtualService(vs, routes) is { } name)
            {
                upstreamName[vs.Name] = name;
            }
        }

        foreach (var router in spec.Routers.Where(r => !spec.Services.Any(s => s.Router == r.Name)))
        {
            report.Warning(router.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: router {router.Name} is named by no virtual service, so nothing could reach it; skipped");
        }

        _namespace = Namespace();
        var perService = ImmutableArray.CreateBuilder<(string, Node)>();
        foreach (var (name, info) in _services)
        {
            if (_nodeOfService.TryGetValue(name, out var node))
            {
                perService.Add((name, ServiceMesh(name, info, node, upstreamName)));
            }
            else if (!info.Ports.IsEmpty && !_familyMembers.Contains(name))
            {
                report.Warning(info.Location, MigrationDiagnosticCodes.MeshMembership,
                    $"services.{name}: not an App Mesh node, so it is written x-mesh: false to stay outside the mesh as before (it reaches mesh services directly, by DNS); remove that line to let it join the mesh");
                perService.Add((name, Bool(false)));
            }
        }

        if (_nodeOfService.Count == 0)
        {
            throw new InvalidInputException(report.Items.Append(Diagnostic.Error(spec.Location, MigrationDiagnosticCodes.NothingToMigrate,
                "x-appmesh: no node maps to a service of these files, so there is no mesh to write. If this file is an override, migrate it together with its base: compose2ecs migrate -f base.yml -f " + Path.GetFileName(spec.Location.File))));
        }

        var complex = routes.Where(r => !r.Simple).Select(r => r.Name).ToImmutableArray();
        var chosen = backend ?? (complex.IsEmpty ? TargetBackends.ServiceConnect : TargetBackends.AppMesh);
        if (backend is null && !complex.IsEmpty)
        {
            report.Warning(routes.First(r => !r.Simple).Location, MigrationDiagnosticCodes.OutputChoice,
                $"x-mesh.backend: appmesh, because route{(complex.Length > 1 ? "s" : "")} {string.Join(", ", complex)} {(complex.Length > 1 ? "have" : "has")} weights or matches that Service Connect cannot express; simplify {(complex.Length > 1 ? "them" : "it")} to one target to move to service-connect");
        }

        var top = YamlBlock.Map([
            ("backend", Str(chosen)),
            .. Properties(),
            ("namespace", _namespace is { } ns ? Str(ns) : null),
            ("routes", routes.Count == 0 ? null : YamlBlock.Map([.. routes.Select(r => (r.Name, (Node?)r.Route))])),
            ("appmesh", AppMeshSection()),
        ]);
        return new Result(top, perService.ToImmutable(), chosen, complex) { Environment = [.. _environment], DependsOnFamilies = DependsOnFamilies() };
    }

    /// <summary>
    /// ComposeX resolved depends_on by task family (a family's stack waited for the other's), so its
    /// files may name a family where compose needs a service. The family's node member stands for it
    /// (the service that listens where the family did); else its only member, or its only member with ports.
    /// </summary>
    private ImmutableArray<DependsOnFamily> DependsOnFamilies()
    {
        var result = ImmutableArray.CreateBuilder<DependsOnFamily>();
        foreach (var (name, info) in _services)
        {
            foreach (var (target, at) in info.DependsOnAt.Where(d => !_services.ContainsKey(d.Name)))
            {
                var members = _services.Where(s => s.Value.Families.Contains(target)).Select(s => s.Key).Where(m => m != name).ToList();
                if (members.Count == 0)
                {
                    continue;
                }

                var withPorts = members.Where(m => !_services[m].Ports.IsEmpty).ToList();
                var member = _familyService.GetValueOrDefault(target)
                    ?? (members.Count == 1 ? members[0] : withPorts.Count == 1 ? withPorts[0] : null);
                result.Add(new DependsOnFamily(name, at, target, member));
            }
        }

        return result.ToImmutable();
    }

    private void ResolveNode(NodeSpec node)
    {
        string? service = null;
        // ComposeX's task family of a node: the services labelled with its name, and the service of
        // that name when it has no label of its own (a service unlabelled is its own family).
        var family = _services.Where(s => s.Value.Families.Contains(node.Name) || (s.Key == node.Name && s.Value.Families.IsEmpty)).Select(s => s.Key).ToList();
        if (family.Count == 0 && _services.ContainsKey(node.Name))
        {
            service = node.Name;
        }
        else
        {
            if (family.Count > 0)
            {
                service = FamilyMember(node, family);
                _familyMembers.UnionWith(family);
                _familyService[node.Name] = service;
                if (family.Count > 1)
                {
                    report.Warning(node.Location, MigrationDiagnosticCodes.MeshMembership,
                        $"x-appmesh: node {node.Name} is the task family of {string.Join(", ", family)}; compose2ecs runs each service as its own task, so the node's port, protocol and backends go to {service}"
                        + $"{(node.Port is { } p ? $", which listens on {p}" : "")}; the other members ({string.Join(", ", family.Where(f => f != service))}) stay in the mesh with x-mesh's defaults (their depends_on as upstreams)");
                }
            }
        }

        if (service is null)
        {
            report.Warning(node.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: node {node.Name} is neither a service nor a task family (ecs.task.family label) of this file; skipped");
            return;
        }

        if (_nodeOfService.ContainsKey(service))
        {
            report.Warning(node.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: node {node.Name} is service {service} again; only the first node is kept");
            return;
        }

        _nodeService[node.Name] = service;
        _nodeOfService[service] = node;
        if (node.Protocol is { } written)
        {
            if (Protocol(written) is { } protocol)
            {
                _protocols[service] = protocol;
            }
            else
            {
                report.Warning(node.ProtocolLocation, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: node {node.Name}: protocol \"{written}\" is not http, http2, grpc or tcp; the default (http) is used");
            }
        }

        var ports = _services[service].Ports;
        int? listener = ports.IsEmpty ? null : ports[0];
        if (node.Port is { } port)
        {
            if (ports.IsEmpty || ports.Contains(port))
            {
                listener = port;
            }
            else
            {
                report.Warning(node.PortLocation, MigrationDiagnosticCodes.Unmapped,
                    $"x-appmesh: node {node.Name}: port {port} is not a port of service {service} ({string.Join(", ", ports)}); its first port is the listener");
            }
        }

        _listeners[service] = listener;
    }

    /// <summary>
    /// The member of a task family that takes the node: the one listening on the node's Port (the
    /// family's task shared one network, so the Port says which container served it), else one that
    /// is in this family only, else any with a port not taken by another node.
    /// </summary>
    private string FamilyMember(NodeSpec node, List<string> family)
    {
        var listening = node.Port is { } port ? family.Where(f => _services[f].Ports.Contains(port)).ToList() : [];
        if (listening.Count == 0 && family.Contains(node.Name))
        {
            return node.Name;
        }

        var candidates = listening.Count > 0 ? listening : family;
        bool Free(string f) => !_nodeOfService.ContainsKey(f) && !_services[f].Ports.IsEmpty;
        return candidates.FirstOrDefault(f => Free(f) && _services[f].Families.Length <= 1)
            ?? candidates.FirstOrDefault(Free)
            ?? candidates.FirstOrDefault(f => !_nodeOfService.ContainsKey(f))
            ?? candidates[0];
    }

    /// <summary>The x-mesh name callers use for a virtual service: a service, or a route added to <paramref name="routes"/>.</summary>
    private string? MapVirtualService(VirtualServiceSpec vs, List<(string Name, MappingNode Route, bool Simple, SourceLocation Location)> routes)
    {
        if (vs.Node is { } nodeName)
        {
            if (!_nodeService.TryGetValue(nodeName, out var service))
            {
                report.Warning(vs.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: virtual service {vs.Name} points at node {nodeName}, which is not mapped; skipped");
                return null;
            }

            if (vs.Name == service)
            {
                return service;
            }

            if (_listeners.GetValueOrDefault(service) is null)
            {
                report.Warning(vs.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: virtual service {vs.Name} points at node {nodeName}, which has no port to listen on; skipped");
                return null;
            }

            if (RouteName(vs) is not { } alias)
            {
                return service;
            }

            routes.Add((alias, YamlBlock.Map(("rules", Seq([YamlBlock.Map(("targets", YamlBlock.Map((service, Int(1)))))])) ), true, vs.Location));
            return alias;
        }

        if (vs.Router is { } routerName)
        {
            if (spec.Routers.FirstOrDefault(r => r.Name == routerName) is not { } router)
            {
                report.Warning(vs.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: virtual service {vs.Name} points at router {routerName}, which is not defined; skipped");
                return null;
            }

            if (RouteName(vs, router) is not { } name || Route(router) is not { } route)
            {
                return null;
            }

            routes.Add((name, route.Node, route.Simple, vs.Location));
            return name;
        }

        report.Warning(vs.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: virtual service {vs.Name} names neither a Node nor a Router; skipped");
        return null;
    }

    /// <summary>A route name for a virtual service: its own name (what callers resolved), else the router's; never a service's name.</summary>
    private string? RouteName(VirtualServiceSpec vs, RouterSpec? router = null)
    {
        foreach (var candidate in new[] { vs.Name, router?.Name }.OfType<string>())
        {
            // The first DNS label, as callers resolved it; when another route took it, the whole name.
            foreach (var label in new[] { candidate.Split('.')[0].ToLowerInvariant(), candidate.Replace('.', '-').ToLowerInvariant() }.Distinct())
            {
                if (!DnsLabel().IsMatch(label) || _services.ContainsKey(label) || !_routeNames.Add(label))
                {
                    continue;
                }

                if (label != vs.Name)
                {
                    report.Warning(vs.NameLocation, MigrationDiagnosticCodes.Renamed, $"x-appmesh: virtual service {vs.Name} becomes route {label}: a route name is a DNS label that no service or other route has. Callers' hostnames change: where they called {vs.Name} (or {vs.Name}.<zone>), they call {label} (or {label}.<namespace>)");
                }

                return label;
            }
        }

        report.Warning(vs.Location, MigrationDiagnosticCodes.Renamed, $"x-appmesh: virtual service {vs.Name} cannot become a route: its name is a service's name or not a DNS label; callers of it name the service instead");
        return null;
    }

    /// <summary>A router's routes as x-mesh rules: most specific prefix first (x-mesh takes the first match), a catch-all last.</summary>
    private (MappingNode Node, bool Simple)? Route(RouterSpec router)
    {
        var protocol = router.Protocol is { } p ? Protocol(p) : null;
        var rules = new List<(int Specificity, int Index, MappingNode? Match, MappingNode Targets, bool Weighted)>();
        for (var i = 0; i < router.Routes.Length; i++)
        {
            var written = router.Routes[i];
            var targets = new List<(string Service, int Weight)>();
            foreach (var (nodeName, weight, location) in written.Nodes)
            {
                if (!_nodeService.TryGetValue(nodeName, out var service) || _listeners.GetValueOrDefault(service) is null)
                {
                    report.Warning(location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: router {router.Name}: target {nodeName} is not a mapped node with a port; dropped");
                    continue;
                }

                var at = targets.FindIndex(t => t.Service == service);
                if (at >= 0)
                {
                    targets[at] = (service, targets[at].Weight + weight);
                }
                else
                {
                    targets.Add((service, weight));
                }
            }

            if (targets.Count == 0)
            {
                report.Warning(written.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: router {router.Name}: a route with no target left; dropped");
                continue;
            }

            if (targets.Count > 1 && targets.Select(t => t.Weight).Distinct().Count() > 1)
            {
                report.Warning(written.Location, MigrationDiagnosticCodes.BehaviourChanges,
                    $"x-appmesh: router {router.Name}: weights: ComposeX deployed every target at weight 1 (equal traffic to {string.Join(", ", targets.Select(t => t.Service))}); the written weights ({string.Join(", ", targets.Select(t => $"{t.Service}: {t.Weight}"))}) are kept, so traffic shifts when this is deployed");
            }

            targets = Weights(router, written, targets);
            var match = protocol == "tcp" ? null : Match(router, written.Match, protocol);
            var specificity = match?.Find("path_prefix")?.Value is ScalarNode prefix ? prefix.Value.Length : match is null ? -1 : 0;
            rules.Add((specificity, i, match, YamlBlock.Map([.. targets.Select(t => (t.Service, (Node?)Int(t.Weight)))]), targets.Count(t => t.Weight > 0) > 1));
        }

        if (rules.Count == 0)
        {
            report.Warning(router.Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: router {router.Name} has no route left; skipped");
            return null;
        }

        var ordered = rules.Where(r => r.Match is not null).OrderByDescending(r => r.Specificity).ThenBy(r => r.Index).ToList();
        var catchAll = rules.Where(r => r.Match is null).ToList();
        foreach (var extra in catchAll.Skip(1))
        {
            report.Warning(router.Routes[extra.Index].Location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: router {router.Name}: a second route that matches everything can never apply; dropped");
        }

        ordered.AddRange(catchAll.Take(1));
        var kept = ordered.Select(r => r.Index).ToList();
        if (!kept.SequenceEqual(kept.Order()))
        {
            report.Warning(router.Location, MigrationDiagnosticCodes.BehaviourChanges, $"x-appmesh: router {router.Name}: rules are ordered most specific prefix first, because x-mesh applies the first rule that matches");
        }

        var simple = ordered.Count == 1 && ordered[0].Match is null && !ordered[0].Weighted;
        var node = YamlBlock.Map(
            ("protocol", protocol is null ? null : Str(protocol)),
            ("port", router.Port is { } port ? Int(port) : null),
            ("rules", Seq(ordered.Select(r => (Node)YamlBlock.Map(("match", r.Match), ("targets", r.Targets))))));
        return (node, simple);
    }

    /// <summary>x-mesh weights are integers 0–100, not all zero: larger ones are scaled down in proportion.</summary>
    private List<(string Service, int Weight)> Weights(RouterSpec router, RouteSpec route, List<(string Service, int Weight)> targets)
    {
        if (targets.All(t => t.Weight == 0))
        {
            report.Warning(route.Location, MigrationDiagnosticCodes.BehaviourChanges, $"x-appmesh: router {router.Name}: every weight is 0; each target gets 1");
            return [.. targets.Select(t => (t.Service, 1))];
        }

        var max = targets.Max(t => t.Weight);
        if (max <= 100)
        {
            return targets;
        }

        report.Warning(route.Location, MigrationDiagnosticCodes.BehaviourChanges, $"x-appmesh: router {router.Name}: weights above 100 are scaled to 0–100 in proportion");
        return [.. targets.Select(t => (t.Service, t.Weight == 0 ? 0 : Math.Max(1, (int)Math.Round(t.Weight * 100.0 / max))))];
    }

    /// <summary>A ComposeX match: Prefix → path_prefix, Method → method; gRPC ServiceName/MethodName. A bare "/" matches everything.</summary>
    private MappingNode? Match(RouterSpec router, MappingNode? match, string? protocol)
    {
        if (match is null)
        {
            return null;
        }

        var entries = new List<(string, Node?)>();
        foreach (var entry in match.Entries)
        {
            var value = entry.Value as ScalarNode;
            switch (entry.Name.ToLowerInvariant())
            {
                case "prefix" when value is not null && protocol != "grpc":
                    entries.Add(("path_prefix", Str(value.Value.StartsWith('/') ? value.Value : "/" + value.Value)));
                    break;
                case "method" when value is not null && protocol != "grpc":
                    entries.Add(("method", Str(value.Value.ToUpperInvariant())));
                    break;
                case "servicename" when value is not null && protocol == "grpc":
                    entries.Add(("grpc_service", Str(value.Value)));
                    break;
                case "methodname" when value is not null && protocol == "grpc":
                    entries.Add(("grpc_method", Str(value.Value)));
                    break;
                default:
                    report.Warning(entry.Key.Location, MigrationDiagnosticCodes.NoEquivalent, $"x-appmesh: router {router.Name}: match {entry.Name} has no x-mesh equivalent; dropped (the rule matches without it)");
                    break;
            }
        }

        if (entries is [("path_prefix", ScalarNode { Value: "/" })])
        {
            return null;
        }

        return entries.Count == 0 ? null : YamlBlock.Map([.. entries]);
    }

    private Node ServiceMesh(string name, ComposeServiceInfo info, NodeSpec node, Dictionary<string, string> upstreamName)
    {
        var upstreams = new List<string>();
        foreach (var (backend, location) in node.Backends)
        {
            var target = upstreamName.GetValueOrDefault(backend) ?? (_nodeOfService.ContainsKey(backend) ? backend : null);
            if (target is null)
            {
                report.Warning(location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: node {node.Name}: backend {backend} is not a mapped virtual service; dropped");
            }
            else if (target == name)
            {
                report.Warning(location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: node {node.Name}: backend {backend} is the node itself; a service calls itself without the mesh; dropped");
            }
            else if (_services.ContainsKey(target) && _listeners.GetValueOrDefault(target) is null)
            {
                report.Warning(location, MigrationDiagnosticCodes.Unmapped, $"x-appmesh: node {node.Name}: backend {backend} has no port to listen on; dropped");
            }
            else if (!upstreams.Contains(target))
            {
                upstreams.Add(target);
                // ComposeX told the app where each backend is: <NAME>_BACKEND = the virtual service's DNS name.
                var variable = backend.ToUpperInvariant() + "_BACKEND";
                if (EnvName().IsMatch(variable))
                {
                    _environment.Add((name, variable, _namespace is null ? target : $"{target}.{_namespace}"));
                }
                else
                {
                    report.Warning(location, MigrationDiagnosticCodes.EnvironmentByHand, $"x-appmesh: node {node.Name}: ComposeX set {variable} to this backend's DNS name; that is not a portable variable name, so it is not written: point the app at {target} yourself");
                }
            }
        }

        if (!node.HasBackends && !info.DependsOn.IsEmpty)
        {
            report.Warning(node.Location, MigrationDiagnosticCodes.BehaviourChanges,
                $"x-appmesh: node {node.Name} has no Backends, so ComposeX gave it no mesh backends; x-mesh's default makes its depends_on ({string.Join(", ", info.DependsOn.Select(d => _services.ContainsKey(d) ? d : _familyService.GetValueOrDefault(d, d)))}) its upstreams. Write upstreams: [] under its x-mesh to keep it calling nothing through the mesh");
        }

        var listener = _listeners.GetValueOrDefault(name);
        return YamlBlock.Map(
            ("port", listener is { } port && (info.Ports.IsEmpty || node.Port is not null) ? Int(port) : null),
            ("outbound_only", listener is null ? Bool(true) : null),
            ("protocol", listener is not null && _protocols.TryGetValue(name, out var protocol) ? Str(protocol) : null),
            ("upstreams", node.HasBackends ? Seq(upstreams.Select(u => (Node)Str(u))) : null));
    }

    /// <summary>
    /// The mesh as ComposeX made it: <c>Lookup</c> joins an existing mesh; no (or empty) Properties
    /// made a mesh with EgressFilter ALLOW_ALL (ComposeX 0.22+); Properties otherwise are the
    /// AWS::AppMesh::Mesh properties (<c>Spec.EgressFilter.Type</c>, or the 2020 <c>EgressFilter</c>
    /// and the documented <c>EgressPolicy</c>), App Mesh's default being DROP_ALL.
    /// </summary>
    private IEnumerable<(string, Node?)> Properties()
    {
        if (spec.Lookup is { } lookup)
        {
            foreach (var entry in lookup.Entries)
            {
                switch (entry.Name.ToLowerInvariant())
                {
                    case "meshname" when entry.Value is ScalarNode { IsNull: false } name:
                        yield return ("name", Str(name.Value));
                        break;
                    case "meshowner":
                        break; // appmesh section
                    default:
                        report.Warning(entry.Key.Location, MigrationDiagnosticCodes.UnknownKey, $"x-appmesh.Lookup.{entry.Name}: ComposeX read only MeshName and MeshOwner here; ignored");
                        break;
                }
            }

            if (spec.Properties is { Entries.Length: > 0 } ignored)
            {
                report.Warning(ignored.Location, MigrationDiagnosticCodes.NoEquivalent, "x-appmesh.Properties: ignored, as ComposeX did, because Lookup joins an existing mesh");
            }

            yield break;
        }

        if (spec.NestedName is { } nested && (spec.Properties is null || AppMeshSpecReader.Find(spec.Properties, "MeshName") is null))
        {
            yield return ("name", Str(nested));
        }

        if (spec.Properties is not { Entries.Length: > 0 } properties)
        {
            report.Warning(spec.Location, MigrationDiagnosticCodes.EgressDefault, "x-appmesh: no (or empty) Properties, so ComposeX created the mesh with EgressFilter ALLOW_ALL: written egress: allow_all");
            yield return ("egress", Str("allow_all"));
            yield break;
        }

        string? egress = null;
        foreach (var entry in properties.Entries)
        {
            var value = (entry.Value as ScalarNode)?.Value;
            switch (entry.Name.ToLowerInvariant())
            {
                case "meshname" when value is not null:
                    yield return ("name", Str(value));
                    break;
                case "meshowner" or "meshownerid":
                    break; // appmesh section
                case "egresspolicy" or "egressfilter":
                    egress = EgressType(entry) ?? egress;
                    break;
                case "spec" when entry.Value is MappingNode meshSpec:
                    foreach (var inner in meshSpec.Entries)
                    {
                        if (inner.Name.Equals("EgressFilter", StringComparison.OrdinalIgnoreCase))
                        {
                            egress = EgressType(inner) ?? egress;
                        }
                        else
                        {
                            report.Warning(inner.Key.Location, MigrationDiagnosticCodes.NoEquivalent, $"x-appmesh.Properties.Spec.{inner.Name}: no x-mesh equivalent; dropped");
                        }
                    }

                    break;
                case "enableenvoyxraytracing":
                    report.Warning(entry.Key.Location, MigrationDiagnosticCodes.NoEquivalent, "x-appmesh.Properties.EnableEnvoyXrayTracing: x-mesh has no tracing setting; add an X-Ray or OpenTelemetry sidecar to the services yourself");
                    break;
                default:
                    report.Warning(entry.Key.Location, MigrationDiagnosticCodes.NoEquivalent, $"x-appmesh.Properties.{entry.Name}: no x-mesh equivalent; dropped");
                    break;
            }
        }

        if (egress == "allow_all")
        {
            yield return ("egress", Str("allow_all"));
        }
    }

    /// <summary><c>EgressFilter: ALLOW_ALL</c> or <c>EgressFilter: {Type: ALLOW_ALL}</c> → allow_all / drop_all; anything else is reported.</summary>
    private string? EgressType(MappingEntry entry)
    {
        var type = entry.Value switch
        {
            ScalarNode s => s,
            MappingNode m => AppMeshSpecReader.Find(m, "Type")?.Value as ScalarNode,
            _ => null,
        };
        switch (type?.Value.ToUpperInvariant())
        {
            case "ALLOW_ALL":
                return "allow_all";
            case "DROP_ALL":
                return "drop_all"; // x-mesh's default
            default:
                report.Warning(entry.Value.Location, MigrationDiagnosticCodes.MalformedValue, $"x-appmesh: {entry.Name}: expected ALLOW_ALL or DROP_ALL (or Type: one of them); App Mesh's default, DROP_ALL, is kept");
                return null;
        }
    }

    private MappingNode? AppMeshSection()
    {
        if (spec.Lookup is { } lookup)
        {
            var lookupOwner = AppMeshSpecReader.Text(lookup, "MeshOwner");
            return YamlBlock.Map(("existing", Bool(true)), ("mesh_owner", lookupOwner is null ? null : Str(lookupOwner)));
        }

        var owner = spec.Properties is { } p ? AppMeshSpecReader.Text(p, "MeshOwner") ?? AppMeshSpecReader.Text(p, "MeshOwnerId") : null;
        return owner is null ? null : YamlBlock.Map(("existing", Bool(true)), ("mesh_owner", Str(owner)));
    }

    /// <summary>The Cloud Map namespace the virtual services used (a top-level ComposeX x-cloudmap entry's ZoneName or Name).</summary>
    private string? Namespace()
    {
        var used = spec.Services.Select(s => s.CloudMap).OfType<string>().Distinct().ToList();
        if (used.Count == 0 || roots.Select(r => r["x-cloudmap"]).OfType<MappingNode>().LastOrDefault(m => m[used[0]] is not null) is not { } cloudMaps)
        {
            return null;
        }

        if (used.Count > 1)
        {
            report.Warning(spec.Services.First(s => s.CloudMap == used[1]).Location, MigrationDiagnosticCodes.SeveralNamespaces, $"x-appmesh: the virtual services use several Cloud Map namespaces ({string.Join(", ", used)}); x-mesh has one, {used[0]}");
        }

        return cloudMaps[used[0]] is MappingNode ns
            ? (AppMeshSpecReader.Text(ns, "ZoneName") ?? AppMeshSpecReader.Text(ns, "Name") ?? (AppMeshSpecReader.Find(ns, "Properties")?.Value is MappingNode props ? AppMeshSpecReader.Text(props, "Name") : null))
            : null;
    }

    private static string? Protocol(string written) => written.ToLowerInvariant() switch
    {
        "http" => "http",
        "http2" => "http2",
        "grpc" => "grpc",
        "tcp" => "tcp",
        _ => null,
    };

    /// <summary>What the mapping needs of each compose service: its TCP container ports, location and ComposeX task family.</summary>
    private sealed record ComposeServiceInfo(ImmutableArray<int> Ports, ImmutableArray<string> Families, ImmutableArray<(string Name, SourceLocation At)> DependsOnAt, SourceLocation Location)
    {
        public ImmutableArray<string> DependsOn => [.. DependsOnAt.Select(d => d.Name)];
    }

    /// <summary>Every file's services, in order: ports add up, a later file's family label and depends_on win.</summary>
    private static Dictionary<string, ComposeServiceInfo> ReadServices(IReadOnlyList<MappingNode> roots)
    {
        var result = new Dictionary<string, ComposeServiceInfo>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var (name, info) in ReadServices(root))
            {
                result[name] = result.TryGetValue(name, out var before)
                    ? new ComposeServiceInfo(
                        [.. before.Ports.Concat(info.Ports).Distinct()],
                        info.Families.IsEmpty ? before.Families : info.Families,
                        info.DependsOnAt.IsEmpty ? before.DependsOnAt : info.DependsOnAt,
                        info.Location)
                    : info;
            }
        }

        return result;
    }

    private static Dictionary<string, ComposeServiceInfo> ReadServices(MappingNode root)
    {
        var result = new Dictionary<string, ComposeServiceInfo>(StringComparer.Ordinal);
        if (root["services"] is not MappingNode services)
        {
            return result;
        }

        foreach (var entry in services.Entries)
        {
            var service = entry.Value as MappingNode ?? MappingNode.Empty(entry.Key.Location);
            var ports = new List<int>();
            foreach (var item in (service["ports"] as SequenceNode)?.Items ?? [])
            {
                if (PortOf(item) is { } port && !ports.Contains(port))
                {
                    ports.Add(port);
                }
            }

            foreach (var item in (service["expose"] as SequenceNode)?.Items ?? [])
            {
                if (item is ScalarNode s && int.TryParse(s.Value.Split('/')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && !ports.Contains(port))
                {
                    ports.Add(port);
                }
            }

            var family = Label(service["deploy"] is MappingNode deploy ? deploy["labels"] : null) ?? Label(service["labels"]);
            // ComposeX read a comma-separated label as several families, the service in each.
            var families = family?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray() ?? [];
            ImmutableArray<(string, SourceLocation)> dependsOn = service["depends_on"] switch
            {
                SequenceNode list => [.. list.Items.OfType<ScalarNode>().Select(s => (s.Value, s.Location))],
                MappingNode map => [.. map.Entries.Select(e => (e.Name, e.Key.Location))],
                _ => [],
            };
            result[entry.Name] = new ComposeServiceInfo([.. ports], families, dependsOn, entry.Key.Location);
        }

        return result;
    }

    /// <summary>A port entry's container port (TCP only): <c>5000</c>, <c>"80:8080"</c>, <c>{target: 8080}</c>.</summary>
    private static int? PortOf(Node item)
    {
        switch (item)
        {
            case ScalarNode s:
                var text = s.Value;
                if (text.EndsWith("/udp", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var target = text.Split('/')[0].Split(':')[^1];
                return int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null;
            case MappingNode m when m["target"] is ScalarNode t && (m["protocol"] is not ScalarNode proto || proto.Value == "tcp"):
                return int.TryParse(t.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
            default:
                return null;
        }
    }

    private static string? Label(Node? labels) => labels switch
    {
        MappingNode map => map["ecs.task.family"] is ScalarNode s ? s.Value : null,
        SequenceNode list => list.Items.OfType<ScalarNode>().Select(i => i.Value.Split('=', 2)).FirstOrDefault(kv => kv.Length == 2 && kv[0] == "ecs.task.family")?[1],
        _ => null,
    };

    [GeneratedRegex("^[A-Z_][A-Z0-9_]*$")]
    private static partial Regex EnvName();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
