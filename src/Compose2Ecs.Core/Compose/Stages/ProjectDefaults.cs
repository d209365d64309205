using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 5b, after every layer is merged and extends resolved: the values compose-go derives
/// from others. The default build context (the project directory), build args taken from the
/// environment, labels from <c>label_file</c> (under the service's own labels), a pre_start
/// hook's image, and the implicit <c>depends_on</c> of links, volumes_from and
/// <c>service:X</c> namespaces (an explicit dependency is never changed).
/// </summary>
internal sealed class ProjectDefaults(IReadOnlyDictionary<string, string> variables, string projectDirectory, DiagnosticBag diagnostics)
{
    private static readonly string[] NamespaceKeys = ["network_mode", "ipc", "pid", "cgroup", "uts"];

    public MappingNode Apply(MappingNode root)
    {
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var entries = services.Entries
            .Select(e => e.Value is MappingNode service ? e with { Value = Service(e.Name, service) } : e)
            .ToImmutableArray();
        return root.With("services", services with { Entries = entries });
    }

    private MappingNode Service(string name, MappingNode service)
    {
        if (service["build"] is MappingNode build)
        {
            service = service.With("build", Build(build));
        }

        if (service["label_file"] is SequenceNode labelFiles)
        {
            service = WithLabelFiles(name, service, labelFiles);
        }

        if (service["pre_start"] is SequenceNode hooks && service["image"] is ScalarNode { IsNull: false } image)
        {
            service = service.With("pre_start", hooks with
            {
                Items = [.. hooks.Items.Select(h => h is MappingNode hook && hook["image"] is null ? hook.With("image", image) : h)],
            });
        }

        return ImplicitDependencies(DependencyDefaults(service));
    }

    /// <summary>
    /// A depends_on entry gets condition service_started, required true and restart false where no
    /// layer set them: only now, after merging, so that an override's field merges over the base's.
    /// </summary>
    private static MappingNode DependencyDefaults(MappingNode service)
    {
        if (service["depends_on"] is not MappingNode dependsOn)
        {
            return service;
        }

        var entries = dependsOn.Entries.Select(e =>
        {
            var at = e.Key.Location;
            var dependency = e.Value as MappingNode ?? MappingNode.Empty(at);
            var filled = new MappingNode(
            [
                new(ScalarNode.String("condition", at), dependency["condition"] ?? ScalarNode.String(ServiceDependencyCondition.Started, at)),
                new(ScalarNode.String("required", at), dependency["required"] ?? ScalarNode.Bool(true, at)),
                new(ScalarNode.String("restart", at), dependency["restart"] ?? ScalarNode.Bool(false, at)),
            ], dependency.Location);
            foreach (var extra in dependency.Entries.Where(x => x.Name is not ("condition" or "required" or "restart")))
            {
                filled = filled.With(extra.Name, extra.Value, extra.Key.Location);
            }

            return e with { Value = filled };
        });
        return service.With("depends_on", dependsOn with { Entries = [.. entries] });
    }

    private MappingNode Build(MappingNode build)
    {
        if (build["context"] is null)
        {
            build = build.With("context", ScalarNode.String(projectDirectory, build.Location));
        }

        if (build["args"] is MappingNode args)
        {
            // An arg without a value takes the environment's, as compose-go does; unset, it stays without one.
            var resolved = args.Entries
                .Select(e => e.Value is ScalarNode { IsNull: true } && variables.TryGetValue(e.Name, out var value)
                    ? e with { Value = ScalarNode.String(value, e.Value.Location) }
                    : e);
            build = build.With("args", args with { Entries = [.. resolved] });
        }

        return build;
    }

    private MappingNode WithLabelFiles(string name, MappingNode service, SequenceNode files)
    {
        var labels = new List<MappingEntry>();
        foreach (var file in files.Items.OfType<ScalarNode>())
        {
            if (BoundedFile.TryRead(file.Value, out var problem) is not { } text)
            {
                diagnostics.Error(file.Location, ComposeDiagnosticCodes.FileNotFound, $"services.{name}.label_file: label file {file.Value} {problem}");
                continue;
            }

            foreach (var (key, value) in DotEnv.Parse(text, file.Value, (v, _, _) => v, diagnostics))
            {
                labels.RemoveAll(l => l.Name == key);
                labels.Add(new MappingEntry(ScalarNode.String(key, file.Location), ScalarNode.String(value ?? "", file.Location)));
            }
        }

        var own = service["labels"] as MappingNode ?? MappingNode.Empty(files.Location);
        var merged = own;
        foreach (var label in labels.Where(l => !own.Contains(l.Name)))
        {
            merged = merged with { Entries = merged.Entries.Add(label) };
        }

        return service.With("labels", merged);
    }

    /// <summary>The service of a link: "db", "db:alias" or "db=alias".</summary>
    internal static string LinkedService(string link) => link.Split(':', '=')[0];

    private static MappingNode ImplicitDependencies(MappingNode service)
    {
        var implicitDependencies = new List<(string Service, bool Restart, SourceLocation At)>();
        if (service["links"] is SequenceNode links)
        {
            implicitDependencies.AddRange(links.Items.OfType<ScalarNode>().Select(l => (LinkedService(l.Value), true, l.Location)));
        }

        if (service["volumes_from"] is SequenceNode volumesFrom)
        {
            implicitDependencies.AddRange(volumesFrom.Items.OfType<ScalarNode>()
                .Where(v => !v.Value.StartsWith("container:", StringComparison.Ordinal))
                .Select(v => (v.Value.Split(':')[0], false, v.Location)));
        }

        foreach (var key in NamespaceKeys)
        {
            if (service[key] is ScalarNode { IsNull: false } mode && mode.Value.StartsWith("service:", StringComparison.Ordinal))
            {
                implicitDependencies.Add((mode.Value["service:".Length..], true, mode.Location));
            }
        }

        if (implicitDependencies.Count == 0)
        {
            return service;
        }

        var dependsOn = service["depends_on"] as MappingNode ?? MappingNode.Empty(service.Location);
        foreach (var (name, restart, at) in implicitDependencies)
        {
            if (!dependsOn.Contains(name))
            {
                dependsOn = dependsOn.With(name, new MappingNode(
                [
                    new(ScalarNode.String("condition", at), ScalarNode.String(ServiceDependencyCondition.Started, at)),
                    new(ScalarNode.String("required", at), ScalarNode.Bool(true, at)),
                    new(ScalarNode.String("restart", at), ScalarNode.Bool(restart, at)),
                ], at), at);
            }
        }

        return service.With("depends_on", dependsOn);
    }
}
