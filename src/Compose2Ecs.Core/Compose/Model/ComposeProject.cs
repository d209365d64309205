using System.Collections.Immutable;
using Compose2Ecs.Core.Collections;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Model;

/// <summary>
/// A loaded compose project: every file merged, interpolated, extended, filtered by
/// profile and normalized to long syntax. <see cref="Root"/> is that normalized tree
/// (what <c>compose2ecs config</c> prints); the typed members are read from it.
/// </summary>
public sealed record ComposeProject
{
    public required string Name { get; init; }

    /// <summary>The project directory: relative paths in the files resolve against it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The compose files, in the order they were layered.</summary>
    public required ImmutableArray<string> Files { get; init; }

    /// <summary>The active services, in the order they first appear in the files.</summary>
    public required ImmutableArray<ComposeService> Services { get; init; }

    public ImmutableArray<SecretDefinition> Secrets { get; init; } = [];

    public ImmutableArray<SecretDefinition> Configs { get; init; } = [];

    public ImmutableArray<NamedResource> Volumes { get; init; } = [];

    public ImmutableArray<NamedResource> Networks { get; init; } = [];

    /// <summary>The normalized project tree, <c>x-</c> extensions included.</summary>
    public required MappingNode Root { get; init; }

    /// <summary>Things the loader accepted but the user should know (an unset variable, say).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; init; } = [];

    /// <summary>A top-level extension such as <c>x-mesh</c>, or null.</summary>
    public Node? Extension(string name) => Root[name];

    /// <summary>The service of that name. By an index built once per project (beside the record, so equality is unaffected): stages look services up once per service, and a linear search made large projects quadratic.</summary>
    public ComposeService? FindService(string name) => ServiceIndexes.Of(this).GetValueOrDefault(name);

    private static readonly SideIndex<ComposeProject, Dictionary<string, ComposeService>> ServiceIndexes = new(project => FirstByName.Index(project.Services, s => s.Name));

    public SecretDefinition? FindSecret(string name) => Secrets.FirstOrDefault(s => s.Name == name);
}

/// <summary>A top-level secret or config.</summary>
public sealed record SecretDefinition
{
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    public string? File { get; init; }

    public string? Environment { get; init; }

    public string? Content { get; init; }

    public bool External { get; init; }

    /// <summary>The <c>name</c> key: for an external secret, its ARN or parameter name.</summary>
    public string? ExternalName { get; init; }
}

/// <summary>A top-level volume or network, kept so backends can tell the user what they skip.</summary>
public sealed record NamedResource(string Name, SourceLocation Location, MappingNode Node);
