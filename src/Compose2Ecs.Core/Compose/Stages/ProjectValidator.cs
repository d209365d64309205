using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 8: the checks that need the whole merged project: top-level keys, every service
/// has an image or a build, references (depends_on, secrets, configs) point at something
/// defined and enabled, and depends_on has no cycle.
/// </summary>
internal static partial class ProjectValidator
{
    public static MappingNode Validate(MappingNode root, IReadOnlyDictionary<string, ImmutableArray<string>> disabledServices, DiagnosticBag diagnostics)
    {
        var checks = new NodeReader(diagnostics, NodeRules.Compose);
        checks.KnownKeys(root, "(top level)", ComposeKeys.TopLevel);
        if (root.Find("version") is { } version)
        {
            diagnostics.Warning(version.Key.Location, ComposeDiagnosticCodes.ObsoleteVersion, "version: the top-level \"version\" key is obsolete and ignored; remove it");
        }

        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var edited = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var entry in services.Entries)
        {
            if (!ServiceName().IsMatch(entry.Name))
            {
                diagnostics.Error(entry.Key.Location, ComposeDiagnosticCodes.InvalidServiceName, $"services: \"{entry.Name}\" is not a valid service name; use letters, digits, '.', '_' and '-'");
            }

            if (entry.Value is not MappingNode service)
            {
                edited.Add(entry);
                continue;
            }

            if (service["image"] is null or ScalarNode { IsNull: true } && service["build"] is null or ScalarNode { IsNull: true } && service["provider"] is null)
            {
                diagnostics.Error(entry.Key.Location, ComposeDiagnosticCodes.NoImageOrBuild, $"services.{entry.Name}: has neither \"image\" nor \"build\"; add an image (or a build section). If this file is an override, load it after its base file with -f base.yml -f {Path.GetFileName(entry.Key.Location.File)}");
            }

            service = CheckDependencies(entry.Name, service, services, disabledServices, diagnostics);
            CheckReferences(entry.Name, service, root, "secrets", diagnostics);
            CheckReferences(entry.Name, service, root, "configs", diagnostics);
            edited.Add(entry with { Value = service });
        }

        services = services with { Entries = edited.ToImmutable() };
        CheckCycles(services, diagnostics);
        ConsistencyChecks.Check(root, diagnostics);
        return root.With("services", services);
    }

    private static MappingNode CheckDependencies(string name, MappingNode service, MappingNode services, IReadOnlyDictionary<string, ImmutableArray<string>> disabled, DiagnosticBag diagnostics)
    {
        if (service["depends_on"] is not MappingNode dependsOn)
        {
            return service;
        }

        var kept = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var dependency in dependsOn.Entries)
        {
            var required = dependency.Value is MappingNode options && options["required"] is ScalarNode r && CoreSchema.TryGetBool(r.Value, out var b) ? b : true;
            if (dependency.Name == name)
            {
                diagnostics.Error(dependency.Key.Location, ComposeDiagnosticCodes.Dependency, $"services.{name}.depends_on: a service cannot depend on itself; remove \"{name}\"");
                continue;
            }

            if (services.Contains(dependency.Name))
            {
                kept.Add(dependency);
                continue;
            }

            if (disabled.TryGetValue(dependency.Name, out var profiles))
            {
                if (required)
                {
                    diagnostics.Error(dependency.Key.Location, ComposeDiagnosticCodes.Dependency,
                        $"services.{name}.depends_on: \"{dependency.Name}\" is disabled by its profiles ({string.Join(", ", profiles)}); enable one with --profile {profiles[0]}, or mark the dependency required: false");
                }

                continue;
            }

            // required: false excuses a service its profiles disable, not one defined nowhere (compose-go: "depends on undefined service").
            diagnostics.Error(dependency.Key.Location, ComposeDiagnosticCodes.Dependency,
                $"services.{name}.depends_on: no service \"{dependency.Name}\"{Suggest.DidYouMean(dependency.Name, services.Keys)}");
        }

        return service.With("depends_on", dependsOn with { Entries = kept.ToImmutable() });
    }

    private static void CheckReferences(string name, MappingNode service, MappingNode root, string section, DiagnosticBag diagnostics)
    {
        if (service[section] is not SequenceNode references)
        {
            return;
        }

        var defined = root[section] as MappingNode;
        foreach (var reference in references.Items.OfType<MappingNode>())
        {
            if (reference["source"] is ScalarNode source && defined?.Contains(source.Value) != true)
            {
                var known = defined?.Keys ?? [];
                diagnostics.Error(source.Location, ComposeDiagnosticCodes.UndefinedReference,
                    $"services.{name}.{section}: \"{source.Value}\" is not defined under the top-level \"{section}\"{Suggest.DidYouMean(source.Value, known)}");
            }
        }
    }

    /// <summary>
    /// Depth-first over depends_on with an explicit stack, so a chain of many thousand services
    /// cannot overflow the call stack; each cycle is an error at the service that closes it.
    /// </summary>
    private static void CheckCycles(MappingNode services, DiagnosticBag diagnostics)
    {
        // Indexed once: a mapping's lookups are linear, which a long chain would make quadratic.
        var nodes = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        foreach (var entry in services.Entries)
        {
            nodes.TryAdd(entry.Name, entry);
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        var pending = new Stack<(string Name, IEnumerator<string> Next)>();
        foreach (var root in nodes.Keys)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            Enter(root);
            while (pending.Count > 0)
            {
                var (name, next) = pending.Peek();
                if (!next.MoveNext())
                {
                    pending.Pop();
                    path.RemoveAt(path.Count - 1);
                    state[name] = 2;
                    continue;
                }

                var dependency = next.Current;
                if (!state.TryGetValue(dependency, out var s))
                {
                    Enter(dependency);
                }
                else if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(dependency)).Append(dependency);
                    var at = nodes[dependency].Key.Location;
                    diagnostics.Error(at, ComposeDiagnosticCodes.Dependency, $"services.{dependency}.depends_on: dependency cycle {string.Join(" -> ", cycle)}; remove one of these dependencies");
                }
            }
        }

        void Enter(string name)
        {
            state[name] = 1;
            path.Add(name);
            var dependencies = nodes[name].Value is MappingNode service && service["depends_on"] is MappingNode dependsOn
                ? dependsOn.Keys.Where(d => d != name && nodes.ContainsKey(d)).ToList()
                : [];
            pending.Push((name, dependencies.GetEnumerator()));
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex ServiceName();
}
