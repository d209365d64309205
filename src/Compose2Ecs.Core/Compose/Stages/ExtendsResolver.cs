using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 4: <c>extends</c>. A service extends a service of the same file or of another
/// file, recursively; the extending service is merged over its base by the usual rules.
/// A cycle is an error that shows the whole chain.
/// </summary>
internal sealed class ExtendsResolver(FileLoader loader, DiagnosticBag diagnostics)
{
    private readonly Dictionary<(string File, string Service), MappingNode> _resolved = [];
    private bool _chainTooLong;

    /// <summary>How many services an extends chain may pass through: far past real files, far short of the stack.</summary>
    public const int MaxChain = 64;

    public MappingNode Resolve(ComposeFile file, MappingNode root)
    {
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var entries = services.Entries
            .Select(e => e.Value is MappingNode service ? e with { Value = ResolveService(file, services, e.Name, service, []) with { Tag = e.Value.Tag } } : e)
            .ToImmutableArray();
        return root.With("services", services with { Entries = entries });
    }

    private MappingNode ResolveService(ComposeFile file, MappingNode services, string name, MappingNode service, ImmutableList<string> chain)
    {
        var key = (file.FullPath, name);
        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        if (service.Find("extends") is not { Value: MappingNode extends } extendsEntry)
        {
            return service;
        }

        if (_chainTooLong)
        {
            // Reported once; the rest of a 20,000-long chain would only repeat it.
            return service.Without("extends");
        }

        if (chain.Count >= MaxChain)
        {
            _chainTooLong = true;
            diagnostics.Error(extendsEntry.Key.Location, ComposeDiagnosticCodes.InputBound,
                $"services.{name}.extends: the extends chain passes through more than {MaxChain} services (from {chain[0]}); shorten it");
            return service.Without("extends");
        }

        chain = chain.Add($"{file.DisplayPath}:{name}");
        if ((extends["service"] as ScalarNode)?.Value is not { } baseName)
        {
            return service.Without("extends");
        }

        var baseFile = file;
        var baseServices = services;
        if (extends["file"] is ScalarNode { IsNull: false } fileNode)
        {
            baseFile = file.Relative(fileNode.Value);
            if (!File.Exists(baseFile.FullPath))
            {
                diagnostics.Error(fileNode.Location, ComposeDiagnosticCodes.FileNotFound, $"services.{name}.extends.file: \"{fileNode.Value}\" not found (looked in {baseFile.Directory})");
                return Failed(key, service);
            }

            baseServices = loader.Normalized(baseFile)["services"] as MappingNode ?? MappingNode.Empty(fileNode.Location);
        }

        var baseLink = $"{baseFile.DisplayPath}:{baseName}";
        if (chain.Contains(baseLink))
        {
            diagnostics.Error(extendsEntry.Key.Location, ComposeDiagnosticCodes.Extends,
                $"services.{name}.extends: cycle {string.Join(" -> ", chain.Add(baseLink))}; a service cannot extend itself, directly or indirectly");
            return Failed(key, service);
        }

        if (baseServices[baseName] is not MappingNode baseService)
        {
            diagnostics.Error(extends["service"]!.Location, ComposeDiagnosticCodes.Extends,
                $"services.{name}.extends.service: no service \"{baseName}\" in {baseFile.DisplayPath}{Suggest.DidYouMean(baseName, baseServices.Keys)}");
            return Failed(key, service);
        }

        var resolvedBase = ResolveService(baseFile, baseServices, baseName, baseService, chain);
        var merged = Merger.MergeServices(resolvedBase, service.Without("extends"));
        _resolved[key] = merged;
        return merged;
    }

    /// <summary>
    /// A service whose extends is broken (a cycle, a missing base or file) is broken whatever
    /// chain reached it, so its result is kept: 20,000 services extending it report it once.
    /// </summary>
    private MappingNode Failed((string File, string Service) key, MappingNode service)
    {
        var result = service.Without("extends");
        _resolved[key] = result;
        return result;
    }
}
