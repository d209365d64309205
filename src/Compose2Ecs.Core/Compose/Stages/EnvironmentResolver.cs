using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Syntax;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 7: a service's final environment, as `docker compose config` shows it: the
/// <c>env_file</c> files in order, then <c>environment</c> over them; a key with no value
/// takes its value from the variables (shell, then .env), or stays unset.
/// </summary>
internal sealed class EnvironmentResolver(IReadOnlyDictionary<string, string> variables, DiagnosticBag diagnostics)
{
    public MappingNode Apply(MappingNode root)
    {
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var entries = services.Entries
            .Select(e => e.Value is MappingNode service ? e with { Value = Resolve(e.Name, service) } : e)
            .ToImmutableArray();
        return root.With("services", services with { Entries = entries });
    }

    private MappingNode Resolve(string name, MappingNode service)
    {
        var merged = new Entries();
        if (service["env_file"] is SequenceNode files)
        {
            // An env_file value sees the project's variables, then the service's environment,
            // then the lines read before it (its own file's and earlier files'), as compose-go.
            var own = service["environment"] is MappingNode env
                ? env.Entries.Where(e => e.Value is ScalarNode { IsNull: false }).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => ((ScalarNode)g.Last().Value).Value, StringComparer.Ordinal)
                : [];
            var earlier = new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = new LayeredLookup(variables, own, earlier);
            foreach (var file in files.Items.OfType<MappingNode>())
            {
                Read(name, file, merged, lookup, earlier);
            }
        }

        if (service["environment"] is MappingNode environment)
        {
            foreach (var entry in environment.Entries)
            {
                merged.Set(entry);
            }
        }

        if (merged.Count == 0 && service["environment"] is null)
        {
            return service;
        }

        var resolved = merged.Select(entry => entry.Value is ScalarNode { IsNull: true } && variables.TryGetValue(entry.Name, out var value)
            ? entry with { Value = ScalarNode.String(value, entry.Value.Location) }
            : entry);
        return service.With("environment", new MappingNode([.. resolved], service["environment"]?.Location ?? service.Location));
    }

    private void Read(string service, MappingNode file, Entries merged, IReadOnlyDictionary<string, string> lookup, Dictionary<string, string> earlier)
    {
        var path = (file["path"] as ScalarNode)?.Value ?? "";
        var required = file["required"] is ScalarNode r && CoreSchema.TryGetBool(r.Value, out var b) ? b : true;
        if (!File.Exists(path))
        {
            if (required)
            {
                diagnostics.Error(file.Location, ComposeDiagnosticCodes.FileNotFound, $"services.{service}.env_file: env file {path} not found; create it, or mark it optional with `- path: {Path.GetFileName(path)}` and `required: false`");
            }

            return;
        }

        if (BoundedFile.TryRead(path, out var problem) is not { } text)
        {
            diagnostics.Error(file.Location, ComposeDiagnosticCodes.FileNotFound, $"services.{service}.env_file: env file {path} {problem}");
            return;
        }

        var values = DotEnv.Parse(
            text,
            path,
            (text, location, key) => EnvFileInterpolation.Substitute(lookup, text, location, key, diagnostics),
            diagnostics,
            (key, value) =>
            {
                if (value is not null)
                {
                    earlier[key] = value;
                }
            });
        foreach (var (key, value) in values)
        {
            var at = file.Location;
            merged.Set(new MappingEntry(ScalarNode.String(key, at), value is null ? ScalarNode.Null(at) : ScalarNode.String(value, at)));
        }
    }

    /// <summary>Entries in first-seen order where a later one with the same name replaces the earlier: linear in the count (100k env_file lines).</summary>
    private sealed class Entries : List<MappingEntry>
    {
        private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);

        public void Set(MappingEntry entry)
        {
            if (_indexByName.TryGetValue(entry.Name, out var index))
            {
                this[index] = entry;
            }
            else
            {
                _indexByName[entry.Name] = Count;
                Add(entry);
            }
        }
    }
}
