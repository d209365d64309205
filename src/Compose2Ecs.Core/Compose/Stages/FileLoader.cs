using System.Collections.Immutable;
using Compose2Ecs.Core.Compose.Schema;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Loads one compose file through the per-file stages: parse, interpolate, normalize each
/// service, then resolve <c>include</c> and <c>extends</c> (which may load other files the
/// same way). The result is one normalized tree, ready to be merged with the other layers.
/// </summary>
internal sealed class FileLoader
{
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, MappingNode> _normalizedFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MappingNode Parsed, MappingNode Interpolated, int ReportedFrom)> _unvalidated = new(StringComparer.Ordinal);

    public FileLoader(IReadOnlyDictionary<string, string> variables, DiagnosticBag diagnostics)
    {
        _variables = variables;
        _diagnostics = diagnostics;
    }

    /// <summary>A file with its includes and extends resolved.</summary>
    public MappingNode Load(ComposeFile file) => Load(file, []);

    internal MappingNode Load(ComposeFile file, ImmutableStack<string> includeChain)
    {
        var root = Normalized(file);
        Validate(file);
        root = new ExtendsResolver(this, _diagnostics).Resolve(file, root);
        return ApplyIncludes(file, root, includeChain);
    }

    /// <summary>Parsed, interpolated and normalized, but with extends not yet resolved (what extends needs from another file).</summary>
    internal MappingNode Normalized(ComposeFile file)
    {
        // One file included with another project_directory resolves its paths differently.
        var key = file.FullPath + "\n" + file.Directory;
        if (_normalizedFiles.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parsed = FileParser.Parse(file);
        var reportedFrom = _diagnostics.Items.Count;
        var interpolated = (MappingNode)new Interpolator(_variables, _diagnostics).Apply(parsed);
        var root = NormalizeServices(interpolated, file.Directory);
        root = new TopLevelNormalizer(_diagnostics, file.Directory, _variables.GetValueOrDefault("HOME")).Normalize(root);

        _unvalidated[key] = (parsed, interpolated, reportedFrom);
        _normalizedFiles[key] = root;
        return root;
    }

    /// <summary>
    /// The schema checks of a file loaded as part of the project (a <c>-f</c> file, an include),
    /// once. A file read only for <c>extends</c> is not checked whole, as compose-go skips it: only
    /// the services taken from it matter. They run after the loader's own checks of the file, so a
    /// problem those already reported is not reported twice.
    /// </summary>
    private void Validate(ComposeFile file)
    {
        if (_unvalidated.Remove(file.FullPath + "\n" + file.Directory, out var pending))
        {
            ComposeSchema.Check(pending.Parsed, pending.Interpolated, _diagnostics, pending.ReportedFrom, file.IsOverride);
        }
    }

    private MappingNode NormalizeServices(MappingNode root, string baseDirectory)
    {
        if (root.Find("services") is not { } services)
        {
            return root;
        }

        if (services.Value is ScalarNode { IsNull: true })
        {
            return root.With("services", MappingNode.Empty(services.Value.Location));
        }

        if (services.Value is not MappingNode servicesMap)
        {
            _diagnostics.Error(services.Value.Location, ComposeDiagnosticCodes.WrongType, $"services: must be a mapping of service names to services, not {services.Value.KindName}");
            return root.Without("services");
        }

        var normalizer = new ServiceNormalizer(_diagnostics, baseDirectory, _variables.GetValueOrDefault("HOME"));
        var entries = servicesMap.Entries
            .Select(e => e with { Value = normalizer.Normalize(e.Name, e.Value) with { Tag = e.Value.Tag } })
            .ToImmutableArray();
        return root.With("services", servicesMap with { Entries = entries });
    }

    private MappingNode ApplyIncludes(ComposeFile file, MappingNode root, ImmutableStack<string> chain)
    {
        if (root.Find("include") is not { } include)
        {
            return root;
        }

        root = root.Without("include");
        var items = include.Value is SequenceNode seq ? seq.Items : [include.Value];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var path = $"include[{i}]";
            ImmutableArray<string>? written = item switch
            {
                ScalarNode { IsNull: false } s => [s.Value],
                MappingNode m when m["path"] is { } p => new NodeReader(_diagnostics, NodeRules.Compose).StringList(p, $"{path}.path") ?? [],
                _ => null,
            };
            if (written is not { } paths)
            {
                _diagnostics.Error(item.Location, ComposeDiagnosticCodes.WrongType, $"{path}: must be a file path or a mapping with path, not {item.KindName}");
                continue;
            }

            var mapping = item as MappingNode;
            var projectDirectory = mapping?["project_directory"] is ScalarNode { IsNull: false } pd
                ? Path.GetFullPath(pd.Value, file.Directory)
                : null;
            MappingNode? included = null;
            FileLoader? loader = null;
            foreach (var relative in paths)
            {
                var target = file.Relative(relative);

                // As compose-go's include.go: the first file sets the include's project directory
                // (project_directory, else its own folder); every relative path in it resolves there.
                projectDirectory ??= target.Directory;
                target = target with { WorkingDirectory = projectDirectory };
                loader ??= ForInclude(file, mapping, projectDirectory, $"{path}.env_file");
                if (IsLinkLoop(target.FullPath))
                {
                    _diagnostics.Error(item.Location, ComposeDiagnosticCodes.IncludeCycle, $"{path}: \"{relative}\" is a symbolic link that never reaches a file (a loop of links); point it at the compose file");
                    continue;
                }

                // Cycles are checked on real paths: a link to a file in the chain is the same file.
                var real = Ecs.Output.RealPath.Of(target.FullPath);
                if (chain.Contains(real) || real == Ecs.Output.RealPath.Of(file.FullPath))
                {
                    _diagnostics.Error(item.Location, ComposeDiagnosticCodes.IncludeCycle, $"{path}: \"{relative}\" includes itself (directly, through other files or through a symbolic link); remove the cycle");
                    continue;
                }

                if (!File.Exists(target.FullPath))
                {
                    _diagnostics.Error(item.Location, ComposeDiagnosticCodes.FileNotFound, $"{path}: included file \"{relative}\" not found");
                    continue;
                }

                var loaded = DefaultBuildContexts(loader.Load(target, chain.Push(Ecs.Output.RealPath.Of(file.FullPath))), projectDirectory);
                if (loader != this)
                {
                    loaded = loader.BareEnvironmentResolved(loaded);
                }

                included = included is null ? loaded : Merger.MergeProjects(included, loaded);
            }

            if (included is not null)
            {
                root = AddIncluded(root, included, item.Location);
            }
        }

        return root;
    }

    /// <summary>
    /// The loader an include's files are read with: its own variables when it names an
    /// <c>env_file</c> or its project directory has a <c>.env</c> (the shell and the project's
    /// variables still win, as compose-go's include.go merges them), else this one.
    /// </summary>
    private FileLoader ForInclude(ComposeFile including, MappingNode? item, string projectDirectory, string path)
    {
        var envFiles = new List<(string Path, string Display, bool Required)>();
        if (item?["env_file"] is { } envFile and not ScalarNode { IsNull: true })
        {
            foreach (var name in new NodeReader(_diagnostics, NodeRules.Compose).StringList(envFile, path) ?? [])
            {
                if (name != "/dev/null")
                {
                    envFiles.Add((Path.GetFullPath(name, including.Directory), name, true));
                }
            }
        }
        else if (File.Exists(Path.Combine(projectDirectory, ".env")))
        {
            envFiles.Add((Path.Combine(projectDirectory, ".env"), Path.Combine(projectDirectory, ".env"), false));
        }

        return envFiles.Count == 0 ? this : new FileLoader(Variables.Resolve(_variables, envFiles, _diagnostics), _diagnostics);
    }

    /// <summary>
    /// Resources from an included file join the project. One defined here too is merged, this
    /// file's definition over the included one; one included twice merges with itself (compose-go's importResources).
    /// </summary>
    private static MappingNode AddIncluded(MappingNode root, MappingNode included, SourceLocation at)
    {
        foreach (var section in new[] { "services", "volumes", "networks", "secrets", "configs" })
        {
            if (included[section] is not MappingNode incoming)
            {
                continue;
            }

            var existing = root[section] as MappingNode ?? MappingNode.Empty(at);
            foreach (var entry in incoming.Entries)
            {
                if (existing.Find(entry.Name) is { } local)
                {
                    existing = existing.With(entry.Name, MergedResource(section, entry, local), local.Key.Location);
                    continue;
                }

                existing = existing.With(entry.Name, entry.Value, entry.Key.Location);
            }

            root = root.With(section, existing);
        }

        return root;
    }

    /// <summary>An included service's build without a context builds in the include's project directory, not the main project's.</summary>
    private static MappingNode DefaultBuildContexts(MappingNode root, string projectDirectory)
    {
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var entries = services.Entries.Select(e => e.Value is MappingNode service && service["build"] is MappingNode build && build["context"] is null
            ? e with { Value = service.With("build", build.With("context", ScalarNode.String(projectDirectory, build.Location))) }
            : e);
        return root.With("services", services with { Entries = [.. entries] });
    }

    /// <summary>
    /// A bare environment key (<c>- VAR</c>) of an included service takes its value from the
    /// include's own variables (its env_file, its folder's .env), which the project does not see.
    /// </summary>
    private MappingNode BareEnvironmentResolved(MappingNode root)
    {
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var entries = services.Entries.Select(e =>
        {
            if (e.Value is not MappingNode service || service["environment"] is not MappingNode environment)
            {
                return e;
            }

            var resolved = environment.Entries.Select(v => v.Value is ScalarNode { IsNull: true } && _variables.TryGetValue(v.Name, out var value)
                ? v with { Value = ScalarNode.String(value, v.Value.Location) }
                : v);
            return e with { Value = service.With("environment", environment with { Entries = [.. resolved] }) };
        });
        return root.With("services", services with { Entries = [.. entries] });
    }

    /// <summary>The local definition of one resource merged over the included one, by the merge rules of its section.</summary>
    private static Node MergedResource(string section, MappingEntry included, MappingEntry local)
    {
        MappingNode Wrap(MappingEntry e) => new([new(ScalarNode.String(section, e.Key.Location), new MappingNode([e], e.Key.Location))], e.Key.Location);
        var merged = Merger.MergeProjects(Wrap(included), Wrap(local));
        return ((MappingNode)merged[section]!)[included.Name]!;
    }

    /// <summary>Whether <paramref name="path"/> is a symbolic link whose chain of links loops (ELOOP).</summary>
    private static bool IsLinkLoop(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
            {
                return false;
            }

            info.ResolveLinkTarget(returnFinalTarget: true);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}

/// <summary>
/// A compose file: where it is, and how to name it in messages (as the user wrote it);
/// <paramref name="Text"/> is its content when it was given as text rather than read from disk.
/// </summary>
internal sealed record ComposeFile(string FullPath, string DisplayPath, string? Text = null)
{
    /// <summary>Where its relative paths resolve when not its own folder: an include's project_directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>A <c>-f</c> file after the first: it is read merged over the earlier ones.</summary>
    public bool IsOverride { get; init; }

    public string Directory => WorkingDirectory ?? Path.GetDirectoryName(FullPath) ?? "/";

    /// <summary>A file named relative to this one, as extends and include do.</summary>
    public ComposeFile Relative(string relative)
    {
        var full = Path.GetFullPath(relative, Directory);
        var displayDirectory = Path.GetDirectoryName(DisplayPath);
        var display = Path.IsPathRooted(relative) ? relative
            : string.IsNullOrEmpty(displayDirectory) ? relative
            : Path.Combine(displayDirectory, relative);
        return new ComposeFile(full, display);
    }
}
