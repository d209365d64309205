using System.Collections.Immutable;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Where one service's resources live: its security groups' template and the template of the
/// rest, each <c>""</c> for the root, a nested stack's ID, or null when the service has no
/// resources of that kind. <see cref="ServiceParent"/> is the template that holds the service
/// stack (<c>""</c> for the root, or a <c>Services{m}</c> stack).
/// </summary>
/// <param name="Generation">The run that placed it: 0 for a placement computed from the names, one more than the layout's newest for services it did not have. A rule between two services lives with the newer one (<see cref="StickySplit.Reown"/>).</param>
/// <param name="Location">The line of the placement file it was read from (none when computed).</param>
public sealed record ServicePlacement(string Service, string? SecurityStack, string? ServiceStack, string ServiceParent, int Generation, SourceLocation Location)
{
    /// <summary>The nested template path of the service stack, root first: <c>Services0/ServiceGroup3</c>, or <c>""</c> for the root.</summary>
    public string? ServicePath => ServiceStack is null ? null
        : ServiceStack.Length == 0 || ServiceParent.Length == 0 ? ServiceStack
        : $"{ServiceParent}/{ServiceStack}";
}

/// <summary>
/// The placement of every service, sorted by name: what <c>synth</c> writes to the stack layout
/// file and reads back, so a service placed once stays in its template as services come and go.
/// </summary>
public sealed class StackLayout
{
    private readonly Dictionary<string, ServicePlacement> _byName;

    /// <param name="services">One placement per service, sorted by name.</param>
    /// <param name="file">The file it was read from (empty when computed).</param>
    public StackLayout(ImmutableArray<ServicePlacement> services, string file = "")
    {
        Services = services;
        File = file;
        _byName = services.ToDictionary(s => s.Service, StringComparer.Ordinal);
        NextGeneration = services.Select(s => s.Generation).DefaultIfEmpty(-1).Max() + 1;
    }

    public ImmutableArray<ServicePlacement> Services { get; }

    public string File { get; }

    public static StackLayout Of(IEnumerable<ServicePlacement> services, string file = "") =>
        new([.. services.OrderBy(s => s.Service, StringComparer.Ordinal)], file);

    public ServicePlacement? Find(string service) => _byName.GetValueOrDefault(service);

    /// <summary>The generation of services placed by the next run: one past the newest.</summary>
    public int NextGeneration { get; }

    /// <summary>Whether any service lives in a nested stack (else the application was one template).</summary>
    public bool IsSplit => Services.Any(s => s.SecurityStack is { Length: > 0 } || s.ServiceStack is { Length: > 0 });
}
